"""A small BM25 over an inverted index: cost grows with the postings a query touches,
not with the number of documents."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable


class BM25:
    """Okapi BM25 with per-document term counts given up front."""

    def __init__(self, docs: list[Counter[str]], k1: float = 1.2, b: float = 0.75):
        self.k1 = k1
        """Term-frequency saturation."""
        self.b = b
        """Length normalisation strength."""
        self.size = len(docs)
        """Number of documents."""
        lengths = [sum(doc.values()) for doc in docs]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        """term -> [(doc index, saturated tf weight)], precomputed at build time."""
        for index, doc in enumerate(docs):
            norm = k1 * (1 - b + b * lengths[index] / (average or 1.0))
            for term, tf in doc.items():
                self.postings[term].append((index, tf * (k1 + 1) / (tf + norm)))
        self.idf: dict[str, float] = {
            term: math.log(1 + (self.size - len(p) + 0.5) / (len(p) + 0.5)) for term, p in self.postings.items()
        }
        """Inverse document frequency of each known term."""
        self.max_idf = math.log(1 + (self.size + 0.5) / 0.5)
        """The idf an unknown term would have: what it costs the query's confidence."""

    def scores(self, terms: Iterable[str]) -> tuple[dict[int, float], float]:
        """Scores of the documents that share a term with the query, and the query's
        ceiling (the score a perfect match would get, unknown terms at maximum idf)."""
        counts = Counter(terms)
        result: dict[int, float] = defaultdict(float)
        ceiling = 0.0
        for term, qtf in counts.items():
            idf = self.idf.get(term)
            weight = 1.0 + math.log(qtf)
            if idf is None:
                ceiling += self.max_idf * weight * (self.k1 + 1) / 2
                continue
            ceiling += idf * weight * (self.k1 + 1) / 2
            for index, tf_weight in self.postings[term]:
                result[index] += idf * weight * tf_weight
        return result, ceiling
