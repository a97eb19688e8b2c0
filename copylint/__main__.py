"""``python -m copylint``: the command line."""

import sys

from copylint.app.cli import main

sys.exit(main())
