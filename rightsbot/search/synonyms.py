"""The colloquial -> canonical synonym map (``content/search/synonyms.yaml``).

People say 上访, 民告官, 讨薪, 拆迁; the entries say 信访, 行政诉讼, 拖欠工资, 征收. The map
adds the canonical word beside any variant found, on both sides of the match.
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


@dataclass(frozen=True)
class SynonymMap:
    """Variant -> canonical pairs, longest variant first."""

    pairs: tuple[tuple[str, str], ...]
    """(variant, canonical), normalised."""

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.pairs:
            return None
        alternatives = [re.escape(v) if not v.isascii() else rf"\b{re.escape(v)}\b" for v, _ in self.pairs]
        return re.compile("|".join(alternatives))

    @cached_property
    def _canonical(self) -> dict[str, str]:
        return {variant: canonical for variant, canonical in reversed(self.pairs)}

    def expand(self, normalised: str) -> str:
        """``normalised`` with the canonical word appended for each variant it contains."""
        if self._pattern is None:
            return normalised
        added = [self._canonical[m.group(0)] for m in self._pattern.finditer(normalised)]
        return normalised if not added else normalised + " " + " ".join(dict.fromkeys(added))

    def words(self) -> list[str]:
        """Every Chinese word in the map, to teach the segmenter."""
        return [w for pair in self.pairs for w in pair if not w.isascii()]


def read_synonyms(root: Path | str) -> tuple[SynonymMap, list[Problem]]:
    """Read ``search/synonyms.yaml`` under a content folder (absent file -> empty map)."""
    path = Path(root) / "search" / "synonyms.yaml"
    if not path.exists():
        return SynonymMap(()), []
    doc, problems = read_yaml_file(path)
    if doc is None:
        return SynonymMap(()), problems
    reader = Reader(doc)
    pairs: list[tuple[str, str]] = []
    if reader.mapping(allowed=("synonyms",), required=("synonyms",)) is not None:
        if reader.mapping("synonyms", allowed=("zh", "en"), required=()) is not None:
            for lang in ("zh", "en"):
                table = reader.get("synonyms", lang) or {}
                if not isinstance(table, dict):
                    reader.problem(f"synonyms.{lang} must map a canonical word to a list of variants",
                                   "synonyms", lang)
                    continue
                for canonical in table:
                    variants = reader.string_list("synonyms", lang, canonical, min_items=1) or ()
                    for variant in variants:
                        pairs.append((normalise(variant), normalise(str(canonical))))
    pairs.sort(key=lambda pair: -len(pair[0]))
    return SynonymMap(tuple(pairs)), problems + reader.problems


def load_synonyms(root: Path | str) -> SynonymMap:
    """The synonym map, or an empty one if the file has problems (validate reports them)."""
    synonyms, problems = read_synonyms(root)
    return synonyms if not problems else SynonymMap(())
