"""Chinese word segmentation: jieba's dictionary algorithm, without jieba.

jieba finds the most probable path through the graph of dictionary words of a sentence
(unigram model, frequencies from its dictionary). That is all the search needs, and it is
twenty lines; importing jieba costs ~60 ms (its HMM tables) and building its prefix
dictionary ~200 ms, too slow for a cold start. Here the trimmed dictionary shipped in
``search/data/words.txt`` (jieba's most frequent words, see :mod:`.tables`) is read into a
plain dict (~10 ms) and the graph is built by direct lookups up to the longest word that
starts with each character, so no prefix dictionary is needed.

Runs of characters the dictionary does not know come out one character per word (jieba's
HMM would guess new words there; the character-bigram channel covers that case).
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def base_dictionary() -> tuple[dict[str, str], int]:
    """jieba's trimmed dictionary: word -> frequency (as text; converted on use), and the total."""
    text = (resources.files("rightsbot.search") / "data" / "words.txt").read_text(encoding="utf-8")
    items = iter(text.split())
    freq = dict(zip(items, items))
    total = sum(map(int, freq.values()))
    return freq, total


@lru_cache(maxsize=1)
def _long_word_starts() -> dict[str, int]:
    """Longest dictionary word starting with each character, where longer than two."""
    longest: dict[str, int] = {}
    for word in (w for w in base_dictionary()[0] if len(w) > 2):
        if len(word) > longest.get(word[0], 2):
            longest[word[0]] = len(word)
    return longest


class Segmenter:
    """A unigram max-probability segmenter over the base dictionary plus domain words."""

    def __init__(self, extra_words: dict[str, int] | None = None):
        base, total = base_dictionary()
        self._freq: dict[str, str | int] = dict(base)
        self._log_total = math.log(total)
        self._max_len: dict[str, int] = dict(_long_word_starts())
        for word, freq in (extra_words or {}).items():
            self.add_word(word, freq)
        self._logp: dict[str, float] = {}
        self._cache: dict[str, tuple[str, ...]] = {}
        self._frozen = False

    def add_word(self, word: str, freq: int = 2000) -> None:
        """Teach a word (kept in memory only); an existing higher frequency is kept."""
        current = int(self._freq.get(word, 0))
        self._freq[word] = max(current, freq)
        if len(word) > self._max_len.get(word[0], 2):
            self._max_len[word[0]] = len(word)
        if hasattr(self, "_cache"):
            self._cache.clear()
            self._logp.pop(word, None)

    def freeze(self) -> None:
        """Stop remembering segmentations: after the index is built, what is cut is a
        person's question, and nothing of it is kept."""
        self._frozen = True

    def frequency(self, word: str) -> int:
        """Dictionary frequency of ``word`` (0 when unknown)."""
        return int(self._freq.get(word, 0))

    def __contains__(self, word: str) -> bool:
        return word in self._freq

    def log_prob(self, word: str) -> float:
        """Unigram log probability of ``word`` (an unknown word counts as frequency 1)."""
        return self._log_prob(word)

    def _log_prob(self, word: str) -> float:
        value = self._logp.get(word)
        if value is None:
            value = math.log(int(self._freq.get(word, 0)) or 1) - self._log_total
            if word in self._freq:  # dictionary words only
                self._logp[word] = value
        return value

    def cut(self, run: str) -> tuple[str, ...]:
        """Most probable segmentation of a run of Chinese characters."""
        cached = self._cache.get(run)
        if cached is not None:
            return cached
        n = len(run)
        freq = self._freq
        max_len = self._max_len
        logp = self._logp
        log_prob = self._log_prob
        score_after = [0.0] * (n + 1)
        end_of = [0] * (n + 1)
        for start in range(n - 1, -1, -1):
            char = run[start]
            best = logp.get(char)
            if best is None:
                best = log_prob(char)
            best += score_after[start + 1]
            best_end = start + 1
            limit = start + max_len.get(char, 2)
            if limit > n:
                limit = n
            for end in range(start + 2, limit + 1):
                piece = run[start:end]
                if piece in freq:
                    value = logp.get(piece)
                    if value is None:
                        value = log_prob(piece)
                    value += score_after[end]
                    if value > best:
                        best, best_end = value, end
            score_after[start] = best
            end_of[start] = best_end
        words: list[str] = []
        position = 0
        while position < n:
            end = end_of[position]
            words.append(run[position:end])
            position = end
        result = tuple(words)
        if not self._frozen:
            self._cache[run] = result
        return result

    def cut_for_search(self, run: str) -> list[str]:
        """Like jieba's ``cut_for_search``: each word, preceded by the dictionary words of
        two and three characters inside it."""
        out: list[str] = []
        freq = self._freq
        for word in self.cut(run):
            size = len(word)
            if size > 2:
                out.extend(word[i:i + 2] for i in range(size - 1) if word[i:i + 2] in freq)
            if size > 3:
                out.extend(word[i:i + 3] for i in range(size - 2) if word[i:i + 3] in freq)
            out.append(word)
        return out
