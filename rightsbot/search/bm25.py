"""A small BM25 over an inverted index: cost grows with the postings a query touches,
not with the number of documents (and a term reads at most :attr:`BM25.MAX_POSTINGS`)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable


class BM25:
    """Okapi BM25 with per-document term counts given up front."""

    #: The most postings of one term a query reads, best first (static impact pruning: on a
    #: large index a very common term only scores the documents where it weighs most).
    MAX_POSTINGS = 400
    #: The most distinct terms of one query that are scored, rarest first (a long post).
    MAX_QUERY_TERMS = 48

    def __init__(self, docs: list[Counter[str]], k1: float = 1.2, b: float = 0.75):
        self.k1 = k1
        """Term-frequency saturation."""
        self.b = b
        """Length normalisation strength."""
        self.size = len(docs)
        """Number of documents."""
        lengths = [sum(doc.values()) for doc in docs]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        k1_plus = k1 + 1
        for index, doc in enumerate(docs):
            norm = k1 * (1 - b + b * lengths[index] / (average or 1.0))
            for term, tf in doc.items():
                postings[term].append((index, tf * k1_plus / (tf + norm)))
        for plist in postings.values():
            if len(plist) > self.MAX_POSTINGS:
                plist.sort(key=lambda posting: -posting[1])
        self.postings: dict[str, list[tuple[int, float]]] = dict(postings)
        """term -> [(doc index, saturated tf weight)], precomputed at build time."""
        size = self.size
        self.idf: dict[str, float] = {
            term: math.log(1 + (size - len(p) + 0.5) / (len(p) + 0.5)) for term, p in postings.items()
        }
        """Inverse document frequency of each known term."""
        self.max_idf = math.log(1 + (self.size + 0.5) / 0.5)
        """The idf an unknown term would have: what it costs the query's confidence."""

    def scores(self, terms: Iterable[str]) -> dict[int, float]:
        """Scores of the documents that share a term with the query (of a long query, only its
        :attr:`MAX_QUERY_TERMS` rarest terms: the common ones barely move the ranking)."""
        counts = Counter(terms)
        result: dict[int, float] = defaultdict(float)
        known = [(self.idf[t], t) for t in counts if t in self.idf]
        if len(known) > self.MAX_QUERY_TERMS:
            known = sorted(known, reverse=True)[: self.MAX_QUERY_TERMS]
        for idf, term in known:
            qtf = counts[term]
            weight = idf * (1.0 + math.log(qtf))
            plist = self.postings[term]
            for index, tf_weight in (plist if len(plist) <= self.MAX_POSTINGS else plist[: self.MAX_POSTINGS]):
                result[index] += weight * tf_weight
        return result
