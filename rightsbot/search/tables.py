"""Build the three small data tables the search ships, so that start-up needs neither
pypinyin (heavy to import) nor jieba's full dictionary (slow to load, and jieba would
write a cache file to do it).

Maintainers run ``python -m rightsbot.search.tables`` (needs ``pip install pypinyin``)
after upgrading jieba or pypinyin; the output is committed under ``search/data/``.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA = Path(__file__).parent / "data"
#: How many of jieba's most frequent words the trimmed dictionary keeps.
WORDS_KEPT = 40_000


def build_pinyin_table() -> str:  # pragma: no cover - maintainer tool
    """One line per toneless syllable: ``syllable<TAB>characters``, for U+3400..U+9FFF."""
    from pypinyin import Style, lazy_pinyin

    groups: dict[str, list[str]] = {}
    for code in range(0x3400, 0xA000):
        char = chr(code)
        syllable = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
        if syllable and syllable[0].isascii() and syllable[0].isalpha():
            groups.setdefault(syllable[0], []).append(char)
    return "".join(f"{s}\t{''.join(chars)}\n" for s, chars in sorted(groups.items()))


def build_word_reading_table() -> str:  # pragma: no cover - maintainer tool
    """``word<TAB>syllables`` for the dictionary words whose reading differs from reading each
    character alone (银行 yin hang, 调解 tiao jie, 还钱 huan qian): polyphonic characters."""
    from pypinyin import Style, lazy_pinyin

    single = {}
    for line in build_pinyin_table().splitlines():
        syllable, chars = line.split("\t")
        for char in chars:
            single.setdefault(char, syllable)
    rows = []
    for line in (DATA / "words.txt").read_text(encoding="utf-8").splitlines():
        word = line.split(" ")[0]
        if len(word) < 2:
            continue
        reading = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
        if len(reading) == len(word) and reading != [single.get(c) for c in word]:
            rows.append(f"{word}\t{' '.join(reading)}\n")
    return "".join(rows)


def build_word_table() -> str:  # pragma: no cover - maintainer tool
    """jieba's most frequent words, ``word freq`` per line, in jieba's dictionary format."""
    import jieba

    source = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    rows = [line.split(" ")[:2] for line in source.read_text(encoding="utf-8").splitlines() if line]
    rows.sort(key=lambda row: -int(row[1]))
    return "".join(f"{word} {freq}\n" for word, freq in rows[:WORDS_KEPT])


def main() -> None:  # pragma: no cover - maintainer tool
    """Write both tables."""
    (DATA / "pinyin.tsv").write_text(build_pinyin_table(), encoding="utf-8")
    (DATA / "words.txt").write_text(build_word_table(), encoding="utf-8")
    (DATA / "readings.tsv").write_text(build_word_reading_table(), encoding="utf-8")
    print(f"wrote {DATA / 'pinyin.tsv'}, {DATA / 'words.txt'} and {DATA / 'readings.tsv'}")


if __name__ == "__main__":  # pragma: no cover
    main()
