"""The console-script entry point: harden first, then hand over to the CLI.

Kept tiny on purpose: the privacy guard must run before any other rightsbot module (and
before textual) is imported.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run rightsbot; returns the process exit code."""
    from rightsbot import privacy

    report = privacy.harden()
    from rightsbot.cli.main import run

    return run(sys.argv[1:] if argv is None else argv, report)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
