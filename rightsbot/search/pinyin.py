"""Fuzzy pinyin: homophone typos (复意 for 复议, 仲才 for 仲裁) and pinyin input
(``tuoqian gongzi``) meet the right words through their toneless, fuzzed syllables.

Pinyin typed as Latin letters is also read back into Chinese words
(:class:`PinyinReader`), preferring the words of the knowledge base, so that ``laoban bu
gei gongzi`` is searched as 老板不给工资, with synonyms and crisis rules applied.

The character and word-reading tables are generated at build time (``search/tables.py``)
so pypinyin is not imported at run time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
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


@lru_cache(maxsize=1)
def _fuzzed_chars() -> dict[str, str]:
    table, syllables = _tables()
    fuzzed = {s: fuzz_syllable(s) for s in syllables}
    return {char: fuzzed[syllable] for char, syllable in table.items()}


def char_syllables(run: str) -> list[str]:
    """Fuzzed syllables of a run of Chinese characters (characters without a reading are skipped)."""
    table = _fuzzed_chars()
    return [table[ch] for ch in run if ch in table]


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


@lru_cache(maxsize=1)
def _word_readings() -> dict[str, tuple[str, ...]]:
    """Dictionary words whose reading differs from their characters' usual readings."""
    text = (resources.files("rightsbot.search") / "data" / "readings.tsv").read_text(encoding="utf-8")
    readings: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        word, syllables = line.split("\t")
        readings[word] = tuple(syllables.split())
    return readings


def word_syllables(word: str) -> tuple[str, ...]:
    """Fuzzed syllables of a Chinese word, using the word's own reading when it has one
    (调解 -> tiao jie, not diao jie)."""
    reading = _word_readings().get(word)
    if reading is not None:
        return tuple(fuzz_syllable(s) for s in reading)
    return tuple(char_syllables(word))


def pinyin_words(text: str) -> list[list[str]]:
    """The Latin words of ``text`` that read as pinyin, each as its syllables (not fuzzed)."""
    result: list[list[str]] = []
    for word in _LATIN_WORD.findall(text):
        parts = split_pinyin(word)
        if parts:
            result.append(parts)
    return result


class PinyinReader:
    """Reads toneless pinyin back into Chinese: the most probable path of words.

    Candidate words come from the knowledge base's own vocabulary (strongly preferred, the
    more the more often it is used) and from the segmenter's dictionary; syllables are
    compared fuzzily (zh/z, ch/c, sh/s, -ng/-n), an exact reading being preferred. Built
    lazily, on the first pinyin question.
    """

    #: Longest word, in syllables, that is looked up.
    MAX_SYLLABLES = 6
    #: How many of the dictionary's most frequent words are candidates.
    GENERAL_WORDS = 12_000
    #: Log-probability bonus of a knowledge-base word over the general words that sound the
    #: same; large enough that "jiao shebao" reads 交社保 rather than 交涉报.
    DOMAIN_BONUS = 2.0
    #: Score penalty for each syllable that matches only fuzzily (zi typed for zhi).
    FUZZY_PENALTY = 2.0

    def __init__(self, domain_words: dict[str, int], dictionary: Iterable[tuple[str, int]], total: int):
        self._domain = domain_words
        self._dictionary = dictionary
        self._total = total
        self._table: dict[tuple[str, ...], list[tuple[float, str, tuple[str, ...]]]] | None = None

    def _build(self) -> dict[tuple[str, ...], list[tuple[float, str, tuple[str, ...]]]]:
        table: dict[tuple[str, ...], list[tuple[float, str, tuple[str, ...]]]] = {}
        log_total = math.log(self._total)
        readings = _word_readings()
        raw_table, _ = _tables()
        raw = raw_table.__getitem__
        fuzz = {s: fuzz_syllable(s) for s in set(raw_table.values())}
        for syllables in readings.values():
            for syllable in syllables:
                fuzz.setdefault(syllable, fuzz_syllable(syllable))

        def add(word: str, logp: float) -> None:
            exact = readings.get(word)
            if exact is None:
                try:
                    exact = tuple(map(raw, word))
                except KeyError:  # not a Chinese word
                    return
            key = tuple(fuzz[s] for s in exact)
            options = table.setdefault(key, [])
            for i, (old, old_word, old_exact) in enumerate(options):
                if old_exact == exact:
                    if logp > old:
                        options[i] = (logp, word, exact)
                    return
            options.append((logp, word, exact))

        for rank, (word, freq) in enumerate(self._dictionary):
            if rank >= self.GENERAL_WORDS:
                break
            add(word, math.log(freq) - log_total)
        # a word of the knowledge base beats the general words that sound the same, without
        # changing where the words split; between two of its words, the more used one wins
        floor = math.log(20) - log_total
        general = {key: max(logp for logp, _, _ in options) for key, options in table.items()}
        for word, count in sorted(self._domain.items(), key=lambda item: -item[1]):
            if 2 <= len(word) <= self.MAX_SYLLABLES:
                exact = readings.get(word)
                if exact is None:
                    try:
                        exact = tuple(map(raw, word))
                    except KeyError:
                        continue
                rival = general.get(tuple(fuzz[s] for s in exact), floor)
                add(word, max(rival, floor + math.log(1 + count)) + self.DOMAIN_BONUS)
        return table

    def _best(self, raw: tuple[str, ...], fuzzed: tuple[str, ...]) -> tuple[float, str] | None:
        assert self._table is not None
        options = self._table.get(fuzzed)
        if not options:
            return None
        return max((logp - self.FUZZY_PENALTY * sum(a != b for a, b in zip(exact, raw)), word)
                   for logp, word, exact in options)

    def read(self, syllables: list[str]) -> str:
        """Most probable Chinese text for a list of syllables ('' for syllables nothing covers)."""
        return "".join(self.read_words(syllables))

    def is_domain_word(self, word: str) -> bool:
        """True when ``word`` is one of the knowledge base's own words."""
        return word in self._domain

    def read_words(self, syllables: list[str]) -> list[str]:
        """The words of the most probable reading ('' for syllables nothing covers)."""
        if self._table is None:
            self._table = self._build()
        raw = [s for s in syllables]
        fuzzed = [fuzz_syllable(s) for s in syllables]
        n = len(raw)
        unknown = -40.0
        best: list[tuple[float, int, str]] = [(0.0, 0, "")] * (n + 1)
        for start in range(n - 1, -1, -1):
            single = self._best((raw[start],), (fuzzed[start],))
            choice = ((single[0] if single else unknown) + best[start + 1][0], start + 1, single[1] if single else "")
            for end in range(start + 2, min(n, start + self.MAX_SYLLABLES) + 1):
                found = self._best(tuple(raw[start:end]), tuple(fuzzed[start:end]))
                if found is not None:
                    score = found[0] + best[end][0]
                    if score > choice[0]:
                        choice = (score, end, found[1])
            best[start] = choice
        out: list[str] = []
        position = 0
        while position < n:
            _, end, word = best[position]
            out.append(word)
            position = end
        return out


class HomophoneFixer:
    """Repairs homophone typos (工姿 -> 工资, 复意 -> 复议, 诉讼实效 -> 诉讼时效, 打击抱负 -> 打击报复).

    A typo is a character typed for another of the same toneless reading (an input method's
    wrong pick). It either leaves its word in pieces (the segmenter cuts 拖欠工姿 into
    拖欠/工/姿) or makes another real word (实效 for 时效). So a window of two to four
    characters made of whole pieces -- single characters, or for three or four characters
    any pieces one of which the knowledge base does not use -- that reads exactly like a word
    of the knowledge base is replaced by that word, when the change is plausible:

    * one character differs in a two-character window, at most two in a longer one (以寄 is not
      一级, 几罐 is not 机关);
    * the knowledge-base word is much more probable than the pieces it replaces (by
      :attr:`MIN_GAIN` in log probability: 受里 -> 受理, not 去市 -> 去世);
    * the knowledge base's own text never has the original characters in a row (不签 and 不交
      are how it says "not sign", "not pay", so they are not 补签, 补缴).
    """

    #: Longest window, in characters.
    MAX_WINDOW = 4
    #: Least log-probability gain of the knowledge-base word over the pieces it replaces.
    MIN_GAIN = 3.5

    def __init__(self, vocabulary: Iterable[str], cut: Callable[[str], Sequence[str]],
                 log_prob: Callable[[str], float] | None = None, known_text: str = ""):
        self._vocabulary = set(vocabulary)
        self._cut = cut
        self._log_prob = log_prob
        self._known_text = known_text
        self._table: dict[tuple[str, ...], str] | None = None

    def _build(self) -> dict[tuple[str, ...], str]:
        table: dict[tuple[str, ...], str] = {}
        raw, _ = _tables()
        readings = _word_readings()
        for word in sorted(self._vocabulary):
            if 2 <= len(word) <= self.MAX_WINDOW and all(ch in raw for ch in word):
                table.setdefault(readings.get(word) or tuple(raw[ch] for ch in word), word)
        return table

    def _replacement(self, pieces: Sequence[str]) -> str | None:
        assert self._table is not None
        text = "".join(pieces)
        raw, _ = _tables()
        word = self._table.get(tuple(raw.get(ch, "?") for ch in text))
        if word is None or text in self._vocabulary:
            return None
        changed = sum(a != b for a, b in zip(text, word))
        if changed > (1 if len(text) == 2 else 2):
            return None
        if self._log_prob is not None:
            if self._log_prob(word) - sum(self._log_prob(p) for p in pieces) < self.MIN_GAIN:
                return None
        if self._known_text and text in self._known_text:
            return None
        return word

    def fix(self, run: str) -> str:
        """``run`` (Chinese characters only) with homophone typos repaired."""
        if len(run) < 2:
            return run
        if self._table is None:
            self._table = self._build()
        vocabulary = self._vocabulary
        out: list[str] = []
        pieces = list(self._cut(run))
        i = 0
        while i < len(pieces):
            size = len(pieces[i])
            end = i + 1
            while end < len(pieces) and size + len(pieces[end]) <= self.MAX_WINDOW:
                size += len(pieces[end])
                end += 1
            for stop in range(end, i + 1, -1):
                window = pieces[i:stop]
                if all(len(p) == 1 for p in window) or (
                        sum(map(len, window)) >= 3 and any(p not in vocabulary for p in window)):
                    word = self._replacement(window)
                    if word is not None:
                        out.append(word)
                        i = stop
                        break
            else:
                out.append(pieces[i])
                i += 1
        return "".join(out)
