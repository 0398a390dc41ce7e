"""Line breaking for Chinese text.

Rich (and Textual's ``Content``, which calls ``rich._wrap.divide_line``) breaks lines only
at spaces. Chinese has no spaces, so a long run such as ``咨询，或到用人单位所在地的人社局``
is one "word": it jumps whole to the next line and leaves a ragged, half-empty line
behind. Chinese may break between any two characters, except that closing punctuation
(，。、）》 ...) must not start a line and opening punctuation (（《“ ...) must not end one.

:func:`install` replaces ``rich._wrap.words`` (private Rich API, pinned by a test) with a
tokenizer that makes each Chinese character its own word, keeping punctuation attached.
Latin words, numbers and spaces behave exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import rich._wrap

_CJK = (r"\u2e80-\u2fff\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u32ff\u3400-\u4dbf"
        r"\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f")
_OPEN = "（《“‘「『【〔［｛〈〖"
_CLOSE = "，。、；：？！）》”’」』】〕］｝〉〗…—·％"
_WORD = re.compile(
    rf"\s*(?:[{_OPEN}]*[{_CJK}][{_CLOSE}]*"      # one Chinese character, with its punctuation
    rf"|[{_OPEN}]*[^\s{_CJK}{_OPEN}{_CLOSE}]+[{_CLOSE}]*"  # a Latin word or number
    rf"|[{_OPEN}{_CLOSE}]+)\s*"                   # stray punctuation
)

_original_words = rich._wrap.words


def words(text: str) -> Iterable[tuple[int, int, str]]:
    """Like ``rich._wrap.words``, but every Chinese character is a word of its own."""
    position = 0
    match = _WORD.match(text, position)
    while match is not None and match.end() > position:
        start, end = match.span()
        yield start, end, match.group(0)
        position = end
        match = _WORD.match(text, end)


def install() -> None:
    """Use :func:`words` for all Rich/Textual wrapping in this process (idempotent)."""
    rich._wrap.words = words


def installed() -> bool:
    """Whether Chinese-aware wrapping is in use."""
    return rich._wrap.words is words
