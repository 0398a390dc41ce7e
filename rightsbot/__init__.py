"""rightsbot: an offline assistant for complaint rights and procedures in mainland China.

The package is split so that the architecture shows in the layout:

* ``rightsbot.core``      content model, loader, validation, statute texts (no UI)
* ``rightsbot.search``    retrieval, abstention and crisis detection (no UI)
* ``rightsbot.deadlines`` statutory deadline arithmetic (no UI)
* ``rightsbot.privacy``   the run-time guard that keeps the "logs nothing" promise
* ``rightsbot.cli``       the command-line face
* ``rightsbot.tui``       the Textual face (the only package that imports textual)
"""

import sys

# Write no bytecode for any module imported after this one (the privacy promise: no file
# written). Installed wheels ship precompiled; this covers source and editable checkouts.
sys.dont_write_bytecode = True

__version__ = "0.1.0"
