"""Fuzzy pinyin: homophone typos (复意 for 复议, 仲才 for 仲裁) and pinyin input
(``tuoqian gongzi``) meet the right words through their toneless, fuzzed syllables.

The character table is generated at build time (``search/tables.py``) so pypinyin is not
imported at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_FUZZ = [("zh", "z"), ("ch", "c"), ("sh", "s")]


def fuzz_syllable(syllable: str) -> str:
    """Fold the distinctions people mix up: zh/ch/sh -> z/c/s, -ng -> -n."""
    for hard, soft in _FUZZ:
        if syllable.startswith(hard):
            syllable = soft + syllable[len(hard):]
            break
    if syllable.endswith("ng") and len(syllable) > 2:
        syllable = syllable[:-1]
    return syllable


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    text = (resources.files("rightsbot.search") / "data" / "pinyin.tsv").read_text(encoding="utf-8")
    char_to_syllable: dict[str, str] = {}
    syllables: set[str] = set()
    for line in text.splitlines():
        syllable, chars = line.split("\t")
        syllables.add(syllable)
        for char in chars:
            char_to_syllable.setdefault(char, syllable)
    return char_to_syllable, frozenset(syllables)


def char_syllables(run: str) -> list[str]:
    """Fuzzed syllables of a run of Chinese characters (characters without a reading are skipped)."""
    table, _ = _tables()
    return [fuzz_syllable(table[ch]) for ch in run if ch in table]


_LATIN_WORD = re.compile(r"[a-z]+")


def split_pinyin(word: str) -> list[str] | None:
    """Split a Latin word into pinyin syllables (``tuoqian`` -> tuo, qian), or None if it is
    not pinyin. Longest match first, backtracking when a split dead-ends."""
    _, syllables = _tables()
    memo: dict[int, list[str] | None] = {}

    def split(start: int) -> list[str] | None:
        if start == len(word):
            return []
        if start in memo:
            return memo[start]
        result = None
        for end in range(min(len(word), start + 6), start, -1):
            piece = word[start:end]
            if piece in syllables:
                rest = split(end)
                if rest is not None:
                    result = [piece] + rest
                    break
        memo[start] = result
        return result

    if not word or len(word) > 40:
        return None
    return split(0)


def latin_syllables(text: str) -> list[str]:
    """Fuzzed syllables of Latin words that read as pinyin (single short words excluded)."""
    result: list[str] = []
    for word in _LATIN_WORD.findall(text):
        parts = split_pinyin(word)
        if parts and (len(parts) >= 2 or len(word) >= 4):
            result.extend(fuzz_syllable(p) for p in parts)
    return result
