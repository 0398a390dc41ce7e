"""``python -m rightsbot``: the same as the ``rightsbot`` command."""

import sys

from rightsbot.entry import main

sys.exit(main())
