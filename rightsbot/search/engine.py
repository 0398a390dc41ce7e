"""The search engine: index the knowledge base, score a question, decide whether to answer."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..core.model import KnowledgeBase
from ..core.text import clean_question, detect_lang

EMERGENCY_ID = "safety.emergency"
_CRISIS = re.compile(r"想死|不想活|自杀|轻生|跳楼|正在打我|现在在打我|着火|喝了农药|中毒|被抢走|拿着刀|"
                     r"kill myself|suicid|want to die|hitting me now|on fire|poison|kidnap", re.I)


@dataclass(frozen=True)
class Hit:
    """One matching entry."""

    entry_id: str
    """Id of the entry."""
    score: float
    """Confidence in [0, 1]; higher is better."""


@dataclass(frozen=True)
class SearchResult:
    """What a search found, and how sure it is."""

    query: str
    """The cleaned question that was searched."""
    lang: str
    """Language of the question (``zh`` or ``en``)."""
    hits: tuple[Hit, ...]
    """At most five entries, best first (closest topics when abstaining)."""
    abstained: bool
    """True when no entry answers the question well enough."""
    crisis: bool
    """True when the question expresses danger to life now; the emergency entry is first."""
    truncated: bool = False
    """True when the question was cut to the maximum length."""

    @property
    def best(self) -> str | None:
        """The entry to answer with, or None when abstaining."""
        return None if self.abstained or not self.hits else self.hits[0].entry_id


def _terms(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    terms = re.findall(r"[a-z0-9]+", text)
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        terms.extend(run)
        terms.extend(run[i:i + 2] for i in range(len(run) - 1))
    return terms


class SearchIndex:
    """An in-memory BM25 index over each entry's titles, questions and keywords."""

    K1 = 1.2
    B = 0.75
    THRESHOLD = 0.25

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        """The knowledge base indexed."""
        self._docs: dict[str, Counter[str]] = {}
        for entry in kb.entries.values():
            text = " ".join([entry.title.zh, entry.title.en, *entry.questions.all(), *entry.keywords.all()])
            self._docs[entry.id] = Counter(_terms(text))
        lengths = [sum(c.values()) for c in self._docs.values()] or [1]
        self._avg = sum(lengths) / len(lengths)
        df: Counter[str] = Counter()
        for counts in self._docs.values():
            df.update(counts.keys())
        n = len(self._docs)
        self._idf = {term: math.log(1 + (n - d + 0.5) / (d + 0.5)) for term, d in df.items()}
        self._max_idf = math.log(1 + (n + 0.5) / 0.5)

    def search(self, question: str, limit: int = 5) -> SearchResult:
        """Rank entries for ``question``; never raises on any string."""
        query, truncated = clean_question(question)
        lang = detect_lang(query)
        terms = _terms(query)
        scores: dict[str, float] = {}
        for entry_id, counts in self._docs.items():
            length = sum(counts.values())
            score = 0.0
            for term in terms:
                tf = counts.get(term, 0)
                if tf:
                    score += self._idf[term] * tf * (self.K1 + 1) / (tf + self.K1 * (1 - self.B + self.B * length / self._avg))
            scores[entry_id] = score
        ceiling = sum(self._idf.get(t, self._max_idf) for t in terms) * (self.K1 + 1) / 2 or 1.0
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        hits = [Hit(eid, round(min(1.0, s / ceiling), 4)) for eid, s in ranked if s > 0]
        crisis = bool(_CRISIS.search(query)) and EMERGENCY_ID in self.kb.entries
        if crisis:
            hits = [Hit(EMERGENCY_ID, 1.0)] + [h for h in hits if h.entry_id != EMERGENCY_ID]
            hits = hits[:limit]
        abstained = not crisis and (not hits or hits[0].score < self.THRESHOLD)
        return SearchResult(query, lang, tuple(hits), abstained, crisis, truncated)
