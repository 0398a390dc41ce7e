"""Start the terminal UI from the CLI, or explain why it cannot start here."""

from __future__ import annotations

import locale
import os
import sys

from rightsbot.core.strings import t

from .context import EXIT_USAGE, Context


def startup_lang(ctx: Context) -> str:
    """--lang if given, else the locale: zh_* gives Chinese, anything else English."""
    if ctx.lang in ("zh", "en"):
        return ctx.lang
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = (locale.getlocale()[0] or "").lower()
    return "zh" if code.startswith("zh") else "en"


def launch(ctx: Context) -> int:
    """Open the Textual app; refuse when stdin/stdout/stderr is not a terminal."""
    lang = startup_lang(ctx)
    if not (sys.stdin.isatty() and sys.stdout.isatty() and sys.stderr.isatty()):
        ctx.err(t("tui.not_a_terminal", lang))
        return EXIT_USAGE
    kb = ctx.kb  # content problems are reported before the screen is taken over
    from rightsbot.tui.app import run_app  # textual is imported only when the app opens

    return run_app(kb, lang=lang, ignored_env=ctx.ignored_env, debug=getattr(ctx.args, "debug", False))
