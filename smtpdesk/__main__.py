import sys
from pathlib import Path

# The bundle on Linux starts the command line through this same executable, named smtpdesk-cli.
if Path(sys.argv[0]).name.startswith("smtpdesk-cli"):
    from smtpdesk.cli.main import main
else:
    from smtpdesk.app import main

sys.exit(main())
