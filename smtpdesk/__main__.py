import sys

from smtpdesk.app import main

sys.exit(main())
