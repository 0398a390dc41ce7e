"""Parse the command line and dispatch to one command module; handle every failure plainly."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from rightsbot import __version__
from rightsbot.core.errors import ContentError
from rightsbot.core.strings import t
from rightsbot.privacy import HardeningReport

from .context import EXIT_NOT_FOUND, EXIT_USAGE, Context, report_content_error

#: Subcommand -> module under ``rightsbot.cli`` (each has register() and run()), in --help
#: order. A module is imported only when its command runs, or for --help, so a question
#: does not pay for the calculator's or the interview's imports at start-up.
COMMANDS: dict[str, str] = {
    "ask": "ask", "show": "show", "topics": "topics", "law": "law", "validate": "validate",
    "deadline": "deadline", "guide": "guide", "privacy-check": "privacy_check",
}


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"rightsbot.cli.{COMMANDS[name]}")


def _invoked(argv: Sequence[str] | None) -> str | None:
    """The command named on the command line; None for --help or no command (all/none needed)."""
    if argv is None or "-h" in argv or "--help" in argv:
        return None
    return next((token for token in argv if token in COMMANDS), "")


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and a pointer to --help on every usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(rightsbot --help)\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser; given ``argv``, only the command it names is fully built."""
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--lang", choices=["zh", "en", "auto"],
                        help="language of answers and messages (default: the question's / the locale's)")
    common.add_argument("--content", metavar="DIR", help="use another content folder")
    common.add_argument("--debug", action="store_true", help="show internal errors in full")
    parser = _Parser(
        prog="rightsbot", parents=[common],
        description="Offline answers about complaint rights and procedures in mainland China. Saves nothing. / "
                    "离线解答信访、复议、诉讼、仲裁等维权途径的问题，不保存任何内容。",
        epilog="Without a command, opens the terminal UI. / 不带命令时打开终端界面。"
               " Free legal help / 免费法律帮助: 12348",
    )
    parser.add_argument("--version", action="version", version=f"rightsbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    wanted = _invoked(argv)
    for name in COMMANDS:
        if wanted is None or name == wanted:
            _command_module(name).register(sub)
        else:
            sub.add_parser(name, add_help=False)  # a placeholder: keeps the list of choices complete
    for choice in sub.choices.values():
        for action in common._actions:
            if not any(set(action.option_strings) & set(a.option_strings) for a in choice._actions):
                choice._add_action(action)
    return parser


def run(argv: Sequence[str], report: HardeningReport | None = None) -> int:
    """Run one command line; returns the exit code. Never shows a traceback unless --debug."""
    parser = build_parser(list(argv))
    args = parser.parse_args(list(argv))
    ignored = report.ignored_variables if report else ()
    ctx = Context(args, ignored)
    lang = ctx.lang if ctx.lang != "auto" else "en"
    if ignored:
        for code in ([ctx.lang] if ctx.lang != "auto" else ["zh", "en"]):
            ctx.err(t("privacy.ignored_env", code, names=", ".join(ignored)))
    debug = getattr(args, "debug", False)
    try:
        if getattr(args, "run", None) is None:
            from .tui_launch import launch

            return launch(ctx)
        return args.run(args, ctx)
    except ContentError as error:
        return report_content_error(ctx, error, lang)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception:
        if debug:
            raise
        ctx.err(t("error.internal", lang))
        return EXIT_NOT_FOUND
