"""The search engine: index the knowledge base once, score a question, decide whether to answer.

Each entry's title, example questions, keywords and summary are normalised, expanded with
canonical synonyms and split into three channels (see :mod:`.tokenize`); a BM25 per channel
scores them, and the scores are fused into a confidence in [0, 1]. Below the threshold
the search abstains and offers the closest topics instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..core.model import Entry, KnowledgeBase
from ..core.text import clean_question, detect_lang
from .bm25 import BM25
from .crisis import is_crisis
from .normalize import normalise
from .synonyms import SynonymMap, load_synonyms
from .tokenize import CHANNELS, add_words, channel_terms

EMERGENCY_ID = "safety.emergency"


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
    """At most five entries, best first (the closest topics when abstaining)."""
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


@dataclass(frozen=True)
class Tuning:
    """The knobs chosen on the dev question set (never on the test set)."""

    weights: dict[str, float] = field(default_factory=lambda: {"words": 1.0, "bigrams": 1.0, "pinyin": 0.6})
    """Weight of each channel in the fused score."""
    field_repeats: dict[str, int] = field(default_factory=lambda: {
        "title": 3, "questions": 1, "keywords": 2, "summary": 1, "answer": 0})
    """How many times each entry field is counted (a cheap field boost)."""
    threshold: float = 0.2
    """Fused confidence below which the search abstains."""


def _entry_fields(entry: Entry) -> dict[str, list[str]]:
    return {
        "title": [entry.title.zh, entry.title.en],
        "questions": list(entry.questions.all()),
        "keywords": list(entry.keywords.all()),
        "summary": [entry.summary.zh, entry.summary.en],
        "answer": [entry.answer.zh, entry.answer.en],
    }


class SearchIndex:
    """An in-memory index of one knowledge base; build once, query many times."""

    def __init__(self, kb: KnowledgeBase, tuning: Tuning | None = None,
                 synonyms: SynonymMap | None = None):
        self.kb = kb
        """The knowledge base indexed."""
        self.tuning = tuning or Tuning()
        """The knobs in use."""
        self.synonyms = synonyms if synonyms is not None else load_synonyms(kb.root)
        """Colloquial -> canonical expansions applied to entries and questions alike."""
        self.ids: list[str] = list(kb.entries)
        """Entry ids by document index."""
        add_words([w for e in kb.entries.values() for w in e.keywords.zh] + self.synonyms.words())
        docs: dict[str, list[Counter[str]]] = {c: [] for c in CHANNELS}
        for entry in kb.entries.values():
            counts: dict[str, Counter[str]] = {c: Counter() for c in CHANNELS}
            for name, parts in _entry_fields(entry).items():
                repeat = self.tuning.field_repeats[name]
                if not repeat:
                    continue
                for channel, terms in self._terms(" ".join(parts)).items():
                    for term in terms:
                        counts[channel][term] += repeat
            for channel in CHANNELS:
                docs[channel].append(counts[channel])
        self.channels: dict[str, BM25] = {c: BM25(docs[c]) for c in CHANNELS}
        """One BM25 per channel."""

    def _terms(self, text: str) -> dict[str, list[str]]:
        return channel_terms(self.synonyms.expand(normalise(text)))

    def fused_scores(self, normalised_query: str) -> dict[int, float]:
        """Fused confidence of every document that shares a term with the query."""
        terms = channel_terms(self.synonyms.expand(normalised_query))
        fused: dict[int, float] = Counter()
        total_weight = 0.0
        for channel, bm25 in self.channels.items():
            if not terms[channel]:
                continue
            weight = self.tuning.weights[channel]
            total_weight += weight
            scores, ceiling = bm25.scores(terms[channel])
            if ceiling <= 0:
                continue
            for index, score in scores.items():
                fused[index] += weight * min(1.0, score / ceiling)
        if total_weight == 0:
            return {}
        return {index: score / total_weight for index, score in fused.items()}

    def search(self, question: str, limit: int = 5) -> SearchResult:
        """Rank entries for ``question``. Any string is accepted; nothing is kept."""
        query, truncated = clean_question(question)
        lang = detect_lang(query)
        normalised = normalise(query)
        scores = self.fused_scores(normalised) if normalised else {}
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.ids[kv[0]]))[:limit]
        hits = [Hit(self.ids[i], round(min(1.0, max(0.0, s)), 4)) for i, s in ranked if s > 0]
        crisis = bool(normalised) and EMERGENCY_ID in self.kb.entries and is_crisis(normalised)
        if crisis:
            hits = [Hit(EMERGENCY_ID, 1.0)] + [h for h in hits if h.entry_id != EMERGENCY_ID]
            hits = hits[:limit]
        abstained = not crisis and (not hits or hits[0].score < self.tuning.threshold)
        return SearchResult(query, lang, tuple(hits), abstained, crisis, truncated)
