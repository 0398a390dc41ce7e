"""The colloquial -> canonical synonym map (``content/search/synonyms.yaml``).

People say 上访, 民告官, 讨薪, 拆迁; the entries say 信访, 行政诉讼, 拖欠工资, 征收. The map
adds the canonical word beside any variant found, on both sides of the match (questions and
entries), so the two meet. Format::

    synonyms:
      zh:
        信访: [上访, 访民, 信访局]      # canonical: [variants]
      en:
        wage: [salary, pay, unpaid]
    outside:                          # matters the knowledge base does not cover
      zh: [个税, 公积金]
      en: [visa]

Chinese variants match anywhere in the (simplified, lower-case) text; English variants
(and numbers such as 12315) match whole words. A variant listed under two canonical words adds both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.errors import Problem
from ..core.loader import read_yaml_file
from ..core.schema import Reader
from .normalize import normalise

_LATIN = re.compile(r"[a-z0-9]")
_EN_TOKEN = re.compile(r"[a-z0-9+']+")


@dataclass(frozen=True)
class SynonymMap:
    """Variant -> canonical pairs, longest variant first, and the words of topics the
    knowledge base does not cover."""

    pairs: tuple[tuple[str, str], ...]
    """(variant, canonical), normalised."""
    outside: frozenset[str] = frozenset()
    """Words that name a matter outside the knowledge base (个税, 公积金, 签证, 离婚财产): in a
    question they weigh like a word the knowledge base never uses, unless the chosen entry's
    title, keywords or example questions use them too."""

    @cached_property
    def _tables(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]], int, re.Pattern[str]]:
        """variant -> canonical words; first character -> variant lengths (Chinese, longest
        first); the most words in an English variant."""
        table: dict[str, list[str]] = {}
        for variant, canonical in self.pairs:
            table.setdefault(variant, []).append(canonical)
        canonical = {variant: tuple(dict.fromkeys(words)) for variant, words in table.items()}
        lengths: dict[str, set[int]] = {}
        longest_en = 0
        for variant in canonical:
            if variant.isascii():
                longest_en = max(longest_en, len(variant.split()))
            else:
                lengths.setdefault(variant[0], set()).add(len(variant))
        starts = {char: tuple(sorted(sizes, reverse=True)) for char, sizes in lengths.items()}
        first = re.compile("[" + "".join(re.escape(c) for c in sorted(starts)) + "]" if starts else "(?!)")
        return canonical, starts, longest_en, first

    def expand(self, normalised: str) -> str:
        """``normalised`` with the canonical words appended for each variant it contains
        (a dictionary scan: one lookup per character and length, no large regex)."""
        if not self.pairs:
            return normalised
        canonical, starts, longest_en, first = self._tables
        found: list[str] = []
        text = normalised
        if not text.isascii():
            for match in first.finditer(text):
                i = match.start()
                for size in starts[match.group()]:
                    words = canonical.get(text[i:i + size])
                    if words:
                        found.extend(words)
        if longest_en and _LATIN.search(text):
            tokens = _EN_TOKEN.findall(text)
            for i in range(len(tokens)):
                for size in range(1, min(longest_en, len(tokens) - i) + 1):
                    words = canonical.get(" ".join(tokens[i:i + size]))
                    if words:
                        found.extend(words)
        added = [c for c in dict.fromkeys(found) if c not in text]
        return text if not added else text + " " + " ".join(added)

    def words(self) -> list[str]:
        """Every Chinese word in the map and the outside list, to teach the segmenter."""
        words = [w for pair in self.pairs for w in pair] + sorted(self.outside)
        return list(dict.fromkeys(w for w in words if not w.isascii()))

    def canonical_words(self) -> list[str]:
        """The canonical words only."""
        return list(dict.fromkeys(c for _, c in self.pairs))


def read_synonyms(root: Path | str) -> tuple[SynonymMap, list[Problem]]:
    """Read ``search/synonyms.yaml`` under a content folder (absent file -> empty map),
    with every problem found: wrong shape, empty or duplicate variants, a variant that is
    its own canonical word, a Latin variant in the Chinese table or the reverse."""
    path = Path(root) / "search" / "synonyms.yaml"
    if not path.exists():
        return SynonymMap(()), []
    doc, problems = read_yaml_file(path)
    if doc is None:
        return SynonymMap(()), problems
    reader = Reader(doc)
    pairs: list[tuple[str, str]] = []
    outside: set[str] = set()
    if reader.mapping(allowed=("synonyms", "outside"), required=("synonyms",)) is not None:
        if reader.get("outside") is not None and \
                reader.mapping("outside", allowed=("zh", "en"), required=()) is not None:
            for lang in ("zh", "en"):
                for word in reader.string_list("outside", lang) or ():
                    value = normalise(word)
                    if value in outside:
                        reader.problem(f"'{word}' is listed twice under outside", "outside", lang)
                    elif (lang == "zh") == value.isascii():
                        reader.problem(f"'{word}' under outside.{lang} is in the wrong language", "outside", lang)
                    outside.add(value)
        if reader.mapping("synonyms", allowed=("zh", "en"), required=()) is not None:
            for lang in ("zh", "en"):
                table = reader.get("synonyms", lang)
                if table is None:
                    continue
                if not isinstance(table, dict):
                    reader.problem(f"synonyms.{lang} must map a canonical word to a list of variants",
                                   "synonyms", lang)
                    continue
                for canonical in table:
                    pairs.extend(_read_group(reader, lang, canonical))
    pairs.sort(key=lambda pair: -len(pair[0]))
    return SynonymMap(tuple(pairs), frozenset(outside)), problems + reader.problems


def _read_group(reader: Reader, lang: str, canonical: object) -> list[tuple[str, str]]:
    where = ("synonyms", lang, canonical)
    name = normalise(str(canonical)) if canonical is not None else ""
    if not name:
        reader.problem(f"empty canonical word in synonyms.{lang}", "synonyms", lang)
        return []
    variants = reader.string_list(*where, min_items=1) or ()
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for variant in variants:
        value = normalise(variant)
        if lang == "zh" and value.isascii() and any(ch.isalpha() for ch in value):
            reader.problem(f"'{variant}' under synonyms.zh.{canonical} has no Chinese: put it under en", *where)
        elif lang == "en" and not value.isascii():
            reader.problem(f"'{variant}' under synonyms.en.{canonical} is not English: put it under zh", *where)
        elif value == name:
            reader.problem(f"'{variant}' is the canonical word itself (synonyms.{lang}.{canonical})", *where)
        elif value in seen:
            reader.problem(f"'{variant}' is listed twice under synonyms.{lang}.{canonical}", *where)
        else:
            seen.add(value)
            pairs.append((value, name))
    return pairs


def load_synonyms(root: Path | str) -> SynonymMap:
    """The synonym map, or an empty one if the file has problems (validate reports them)."""
    synonyms, problems = read_synonyms(root)
    return synonyms if not problems else SynonymMap(())
