"""Cleaning what people type: control characters, size limits, language detection."""

from __future__ import annotations

import re
import unicodedata

#: The longest question (in characters) that is searched; the rest is ignored, with a note.
MAX_QUESTION_CHARS = 2000

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def clean_question(raw: str) -> tuple[str, bool]:
    """Make user input safe to search and show.

    Replaces control and format characters with spaces (they could move the cursor or
    hide text in a terminal), repairs lone surrogates from undecodable bytes, collapses
    whitespace and cuts to :data:`MAX_QUESTION_CHARS`. Returns (text, was_truncated).
    """
    text = _repair_surrogates(raw) if _has_surrogates(raw) else raw
    cleaned = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") else ch for ch in text)
    cleaned = " ".join(cleaned.split())
    truncated = len(cleaned) > MAX_QUESTION_CHARS
    return cleaned[:MAX_QUESTION_CHARS], truncated


def _repair_surrogates(text: str) -> str:
    """Undecodable bytes (surrogate escapes from argv/stdin) become proper text or U+FFFD;
    any other lone surrogate becomes U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def detect_lang(text: str) -> str:
    """``zh`` when the text has more Chinese characters than Latin letters, else ``en``."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk == 0:
        return "en"
    return "zh" if cjk * 2 >= latin else "en"
