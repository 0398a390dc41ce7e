"""What every command gets: parsed options, the loaded knowledge base, and output helpers."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rightsbot.core.errors import ContentError
from rightsbot.core.loader import default_content_dir, load_content
from rightsbot.core.model import KnowledgeBase
from rightsbot.core.strings import t

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2


@dataclass
class Context:
    """Shared state of one CLI run; the knowledge base loads on first use."""

    args: argparse.Namespace
    """Parsed command-line options."""
    ignored_env: tuple[str, ...] = field(default_factory=tuple)
    """Environment variables the privacy guard removed."""

    @property
    def lang(self) -> str:
        """Output language chosen with --lang (``auto`` is resolved per question)."""
        lang = getattr(self.args, "lang", None) or "auto"
        return lang if lang in ("zh", "en") else "auto"

    @property
    def content_dir(self) -> Path:
        """The content folder: --content, or the one shipped with the package."""
        return Path(self.args.content) if getattr(self.args, "content", None) else default_content_dir()

    @cached_property
    def kb(self) -> KnowledgeBase:
        """The validated knowledge base; raises ContentError if it has problems."""
        with building():
            return load_content(self.content_dir)

    def out(self, text: str = "") -> None:
        """Print to stdout."""
        print(text)

    def err(self, text: str) -> None:
        """Print a message for the person to stderr."""
        print(text, file=sys.stderr)

    def json(self, data: Any) -> None:
        """Print one JSON value on one line (UTF-8, not escaped)."""
        print(json.dumps(data, ensure_ascii=False))


@contextmanager
def building() -> Iterator[None]:
    """Pause the cyclic garbage collector while the knowledge base and the index are built:
    they are tens of thousands of objects with no cycles to collect, and the collector's passes
    over them cost a tenth of a one-question run. The objects are then frozen (left out of
    later passes) and the collector resumes."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def message_lang(ctx: Context, text: str = "") -> str:
    """The language for a message: --lang if given, else the text's language, else English."""
    if ctx.lang != "auto":
        return ctx.lang
    from rightsbot.core.text import detect_lang

    return detect_lang(text) if text else "en"


def report_content_error(ctx: Context, error: ContentError, lang: str = "en") -> int:
    """Print every content problem as path:line: message; exit code 1."""
    ctx.err(t("error.content", lang))
    for problem in error.problems:
        ctx.err(str(problem))
    return EXIT_NOT_FOUND
