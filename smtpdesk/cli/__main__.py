"""``python -m smtpdesk.cli`` and the bundle's console program ``smtpdesk-cli``."""

import sys

from smtpdesk.cli.main import main

sys.exit(main())
