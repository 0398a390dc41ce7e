"""The search engine: index the knowledge base once, rank entries for a question, and decide
whether the best one really answers it.

A question is cleaned, normalised (:mod:`.normalize`: width, case, traditional -> simplified,
written Cantonese -> Mandarin, numbers), pinyin typed in Latin letters is read back into
Chinese and homophone typos are repaired (:mod:`.pinyin`), and canonical synonyms are added
(:mod:`.synonyms`). Crisis rules (:mod:`.crisis`) run on the normalised and on the repaired
text. Then ranking and confidence are answered separately:

* **Ranking.** Each entry's title, example questions and keywords are split into three
  channels (:mod:`.tokenize`): dictionary words, character bigrams and fuzzy-pinyin bigrams.
  One BM25 per channel scores the entries; each channel's scores are divided by its best
  score and summed with weights. The best few entries are re-ranked by a weighted sum of
  :data:`RERANK_FEATURES` (the channel scores, their closest example question's coverage and
  rapidfuzz ratio, the share of the question found in their keywords and text).
* **Confidence.** Separate from the ranking score: the logistic function of a weighted sum of
  :data:`CONFIDENCE_FEATURES` of the chosen entry -- how completely the question covers its
  closest example question, the idf-weighted share of the question's words it accounts for
  (the best clause of a long post, so rambling does not hurt), the share found in its title
  and keywords, the share the knowledge base never uses, the share naming a matter it does not
  cover (the ``outside`` list of ``synonyms.yaml``: 公积金, 签证, 个税 ...) and the raw strength
  of the best BM25 match. Below the threshold the search abstains and offers the closest
  topics instead.
* **Crisis.** The rules of :mod:`.crisis` unless the n-gram model of :mod:`.crisis_model`
  overrules them, or that model alone when the message is not about a story or the news, put
  the emergency entry first.

The re-ranking and confidence weights and the threshold are fitted by
``python -m rightsbot.search.calibrate`` on the tuning question sets (:data:`.evaluate.TUNING_SETS`),
never on the test sets. Nothing is written anywhere; the index lives in memory, and after it
is built nothing of a question is cached.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..core.model import Entry, KnowledgeBase
from ..core.text import clean_question, detect_lang
from .bm25 import BM25
from .crisis import is_crisis, is_story
from .ngram import features as ngrams
from .normalize import normalise
from .pinyin import HomophoneFixer, PinyinReader, pinyin_words, split_pinyin
from .segment import Segmenter, base_dictionary
from .synonyms import SynonymMap, load_synonyms
from .tokenize import CHANNELS, CJK_RUN, EN_STOP, Tokenizer, english_words, looks_like_pinyin

EMERGENCY_ID = "safety.emergency"
#: Everyday short names of the offices people complain to or about, taught to the segmenter
#: so that they are read as names (not cut into characters that a typo repair could take for
#: another word: 卫健局 is not 违建局, 住建局 is not 住检举).
COMMON_NAMES = (
    "住建局", "住建委", "卫健局", "卫健委", "卫生局", "人社局", "社保局", "医保局", "民政局", "教育局", "税务局",
    "环保局", "生态环境局", "自然资源局", "国土局", "规划局", "城管局", "市监局", "市场监管局", "工商局", "质监局",
    "交通局", "交警队", "应急管理局", "安监局", "司法局", "公安局", "派出所", "信访局", "信访办", "街道办",
    "居委会", "村委会", "镇政府", "乡政府", "区政府", "县政府", "市政府", "省政府", "发改委", "房管局", "不动产登记中心",
    "农业农村局", "林业局", "水务局", "文旅局", "统计局", "审计局", "财政局", "住房公积金中心", "法院", "检察院",
    "纪委", "监委", "仲裁委", "劳动局", "消协", "物业公司",
)
#: Most hits a result carries.
MAX_HITS = 5
#: What the confidence is computed from, each for the best-ranked entry:
#: ``closest`` -- share of its closest example question that the question covers;
#: ``clause`` -- share of the question's informative words it accounts for, best clause of a long post;
#: ``keys`` -- share found in its title and keywords; ``whole`` -- share found anywhere in it;
#: ``echo`` -- share of the question found in its closest example question alone;
#: ``unknown`` -- share of the question the knowledge base never uses;
#: ``elsewhere`` -- share naming a matter outside the knowledge base that the entry does not name;
#: ``words_bm25`` / ``bigrams_bm25`` -- log(1 + best raw BM25) of the word and bigram channels;
#: ``scope`` -- the scope model's log-odds that the question is a matter the knowledge base
#: covers at all (:mod:`.scope_model`).
#: What the best-ranked entries are re-ranked by, each for one entry: ``fused`` -- the fused
#: BM25 score; ``words`` / ``bigrams`` / ``pinyin`` -- each channel's BM25 divided by its best;
#: ``closest`` -- share of the entry's closest example question the question covers;
#: ``fuzzy`` -- best rapidfuzz ratio (0..1) to its example questions; ``echo`` -- share of the
#: question found in one example question; ``keys`` / ``whole`` -- share of the question found in
#: its title and keywords / anywhere in it; ``emergency`` -- 1 for the emergency entry when the
#: question is not a crisis (it then only answers questions about the emergency numbers).
RERANK_FEATURES = ("fused", "words", "bigrams", "pinyin", "closest", "fuzzy", "echo", "keys", "whole", "emergency")
#: Fitted by ``python -m rightsbot.search.calibrate`` (a listwise softmax regression on the tuning sets).
RERANK_WEIGHTS = {"fused": 1.433, "words": 2.764, "bigrams": 0.436, "pinyin": 0.601, "closest": 2.995, "fuzzy": 1.411, "echo": 0.504, "keys": 1.347, "whole": 0.451, "emergency": -0.201}
CONFIDENCE_FEATURES = ("closest", "clause", "keys", "whole", "echo", "unknown", "elsewhere",
                       "words_bm25", "bigrams_bm25", "scope")
#: Fitted on the tuning sets by ``python -m rightsbot.search.calibrate`` (never on the test set).
CONFIDENCE_WEIGHTS = {"closest": 2.644, "clause": 2.767, "keys": 2.669, "whole": 0.194, "echo": -0.100, "unknown": -0.639, "elsewhere": -2.994, "words_bm25": 0.966, "bigrams_bm25": -0.091, "scope": 0.830}
CONFIDENCE_BIAS = -5.659


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
    """The knobs, chosen on the dev question sets (never on the test set)."""

    weights: dict[str, float] = field(default_factory=lambda: {"words": 1.0, "bigrams": 1.0, "pinyin": 0.4})
    """Weight of each channel in the fused ranking score."""
    field_repeats: dict[str, int] = field(default_factory=lambda: {
        "title": 2, "questions": 1, "keywords": 2, "summary": 0, "answer": 0})
    """How many times each entry field is counted (a cheap field boost)."""
    k1: float = 1.2
    """BM25 term-frequency saturation."""
    b: float = 0.75
    """BM25 length normalisation."""
    rerank_depth: int = 8
    """How many of the best-ranked entries are re-ranked by their closest example question."""
    rerank_weights: dict[str, float] = field(default_factory=lambda: dict(RERANK_WEIGHTS))
    """Weights of the re-ranking features (see :data:`RERANK_FEATURES`), fitted on the tuning sets."""
    fuzzy_weight: float = 1.0
    """0 turns the rapidfuzz comparison off (its weight in the re-ranking is in :attr:`rerank_weights`)."""
    fuzzy_max_chars: int = 80
    """Questions longer than this are not compared by rapidfuzz (slow on long text, and a
    long post is not a paraphrase of any one example question)."""
    fuzzy_phrases: int = 6
    """Per candidate entry, how many of its example questions (those sharing the most word
    weight with the question) are compared by rapidfuzz: the cost stays flat as entries gain
    phrasings."""
    threshold: float = 0.447
    """Confidence below which the search abstains (3 % of the in-scope tuning questions
    fall below it; printed by ``python -m rightsbot.search.calibrate``)."""
    confidence_weights: dict[str, float] = field(default_factory=lambda: dict(CONFIDENCE_WEIGHTS))
    """Weight of each confidence feature (see :data:`CONFIDENCE_FEATURES`): confidence is the
    logistic function of their weighted sum plus :attr:`confidence_bias`. Fitted by logistic
    regression on the tuning question sets (``python -m rightsbot.search.calibrate``)."""
    confidence_bias: float = CONFIDENCE_BIAS
    """Constant term of the confidence's weighted sum."""
    answer_credit: float = 0.3
    """Share of a question word's weight counted as covered when it appears only in the
    entry's answer or summary (not in its title, questions or keywords)."""
    clause_mass: float = 6.0
    """Informative weight a clause of a long question needs before its coverage counts fully."""
    rare_word: float = 12.0
    """-log(probability) in general Chinese at which a word counts fully; everyday words
    (时候, 需要, 公司) count less, as they say little about a topic."""
    common_word: float = 7.0
    """-log(probability) at or below which a word counts least."""
    known_floor: float = 0.3
    """The least a word the knowledge base uses is discounted for being an everyday word."""
    unknown_floor: float = 0.15
    """The least a word the knowledge base never uses is discounted for being an everyday word."""
    unknown_factor: float = 1.5
    """Weight of a word the knowledge base never uses, as a multiple of the maximum idf."""


@dataclass(frozen=True)
class _Phrase:
    """One example question or title of an entry, and its informative words."""

    text: str
    terms: frozenset[str]


#: Surrogates that surrogateescape cannot have produced (clean_question repairs only those).
_LONE_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")
_EDGE_PUNCT = re.compile(r"([^a-z0-9]*)(.*?)([^a-z0-9]*)", re.S)
_LATIN_END = re.compile(r"[a-z0-9+]$")
#: English words that read as a knowledge-base word in pinyin (chance: 铲车), found by reading
#: every English word of the tuning sets; most English words read as no Chinese word at all.
_ENGLISH_LOOKALIKES = frozenset({"chance", "chances"})
#: A Latin word long enough to be two pinyin syllables typed together (fuyi, xinfang).
_LATIN_LONG = re.compile(r"(?<![a-z])[a-z]{4,}(?![a-z])")
_LATIN_START = re.compile(r"[a-z0-9+]")
_CLAUSE = re.compile(r"[。？！?!；;，,\n]+|(?<=[a-z])\.\s")


def _entry_fields(entry: Entry) -> dict[str, list[str]]:
    return {
        "title": [entry.title.zh, entry.title.en],
        "questions": list(entry.questions.all()),
        "keywords": list(entry.keywords.all()),
        "summary": [entry.summary.zh, entry.summary.en],
        "answer": [entry.answer.zh, entry.answer.en],
    }


def _crisis_model() -> Any:
    """The shipped crisis model (imported on the first question: ``python -m`` runs its module)."""
    from .crisis_model import shipped_model

    return shipped_model()


def _scope_score(grams: set[str]) -> float:
    """The shipped scope model's clipped log-odds that a question with these n-grams is in
    scope (imported on the first question, like the crisis model)."""
    from .scope_model import clipped, shipped_model

    return clipped(shipped_model().score_features(grams))


class SearchIndex:
    """An in-memory index of one knowledge base; build once, query many times."""

    def __init__(self, kb: KnowledgeBase, tuning: Tuning | None = None,
                 synonyms: SynonymMap | None = None, prebuilt: bool = True):
        self.kb = kb
        """The knowledge base indexed."""
        self.tuning = tuning or Tuning()
        """The knobs in use."""
        self.synonyms = synonyms if synonyms is not None else load_synonyms(kb.root)
        """Colloquial -> canonical expansions applied to entries and questions alike."""
        self._outside = frozenset(w for word in self.synonyms.outside
                                  for w in (english_words(word) if word.isascii() else [word]))
        self.ids: list[str] = list(kb.entries)
        """Entry ids by document index."""
        domain = [w for e in kb.entries.values() for w in e.keywords.zh] + self.synonyms.words() + list(COMMON_NAMES)
        self.segmenter = Segmenter({w: 2000 for w in domain if 2 <= len(w) <= 12 and CJK_RUN.fullmatch(w)})
        """The Chinese word segmenter, taught the domain words."""
        self.tokenizer = Tokenizer(self.segmenter)
        """Text -> channel terms."""
        self._weights: dict[str, float] = {}
        from .prebuilt import fingerprint, shipped  # here: ``python -m`` runs that module

        self.terms_fingerprint = fingerprint(domain, self.synonyms.pairs)
        """Digest of what splitting text into terms depends on besides the text (see :mod:`.prebuilt`)."""
        # the shipped, already split knowledge-base text when it was split the same way
        table = shipped(self.terms_fingerprint) if prebuilt else None
        self._term_cache: dict[str, dict[str, list[str]]] = table.terms if table else {}
        normalised_of = table.normalised if table else {}
        self._term_cache_open = True
        tuning = self.tuning
        docs: dict[str, list[Counter[str]]] = {c: [] for c in CHANNELS}
        self.entry_terms: list[frozenset[str]] = []
        """Every word of each entry (all indexed fields), for coverage."""
        self.key_terms: list[frozenset[str]] = []
        """The words of each entry's title and keywords: what it is about."""
        self.phrases: list[list[_Phrase]] = []
        """Example questions and titles of each entry (their weights are filled in on use)."""
        self.phrase_terms: list[dict[str, list[int]]] = []
        """Per entry: which of its phrases (positions in :attr:`phrases`) hold each word."""
        known: list[str] = []
        # words of the edited text only: example questions keep people's typos (劳动仲才) on
        # purpose, and a typo must not become a word the typo repair or pinyin reading aims at
        edited: set[str] = set()
        edited_text: list[str] = []
        for entry in kb.entries.values():
            counts: dict[str, Counter[str]] = {c: Counter() for c in CHANNELS}
            words: set[str] = set()
            keys: set[str] = set()
            questions: list[_Phrase] = []
            for name, parts in _entry_fields(entry).items():
                repeat = tuning.field_repeats.get(name, 0)
                if not repeat:
                    continue
                for part in parts:
                    normalised = normalised_of.get(part)
                    if normalised is None:
                        normalised = normalise(part)
                    terms = self._terms(normalised)
                    for channel in CHANNELS:
                        counts[channel].update(terms[channel] * repeat)
                    words.update(terms["words"])
                    if name != "questions":
                        edited.update(terms["words"])
                    if name in ("title", "keywords"):
                        keys.update(terms["words"])
                    if name in ("title", "questions"):
                        questions.append(_Phrase(normalised, frozenset(terms["words"])))
                    known.append(normalised)
                    if name != "questions":
                        edited_text.append(normalised)
            for channel in CHANNELS:
                docs[channel].append(counts[channel])
            self.entry_terms.append(frozenset(words))
            self.key_terms.append(frozenset(keys))
            self.phrases.append(questions)
            where: dict[str, list[int]] = {}
            for position, phrase in enumerate(questions):
                for term in phrase.terms:
                    where.setdefault(term, []).append(position)
            self.phrase_terms.append(where)
        self._known_text = "|".join(edited_text)
        self._indexed = frozenset(known)
        self._edited_words = frozenset(edited)
        self.channels: dict[str, BM25] = {c: BM25(docs[c], tuning.k1, tuning.b) for c in CHANNELS}
        """One BM25 per channel."""
        self._emergency = self.ids.index(EMERGENCY_ID) if EMERGENCY_ID in kb.entries else -1
        self._masses: dict[str, float] = {}
        self._answers: dict[int, frozenset[str]] = {}
        # from here on only the knowledge base's own text is cached, never a question's
        self._term_cache_open = False
        self.segmenter.freeze()

    # -- text -> terms ---------------------------------------------------------------

    def knowledge_terms(self) -> Any:
        """The terms of every text of the knowledge base and the normalised form of each (a
        :class:`.prebuilt.Table`: what :mod:`.prebuilt` ships)."""
        from .prebuilt import Table

        normalised = {part: normalise(part) for entry in self.kb.entries.values()
                      for name, parts in _entry_fields(entry).items() if self.tuning.field_repeats.get(name, 0)
                      for part in parts}
        return Table({text: terms for text, terms in self._term_cache.items() if text in self._indexed}, normalised)

    def _terms(self, normalised: str, runs: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
        cached = self._term_cache.get(normalised)
        if cached is None:
            cached = self.tokenizer.channel_terms(self.synonyms.expand(normalised), runs)
            if self._term_cache_open:
                self._term_cache[normalised] = cached
        return cached

    @cached_property
    def _pinyin_reader(self) -> PinyinReader:
        freq, total = base_dictionary()
        vocabulary: Counter[str] = Counter()
        for term, postings in self.channels["words"].postings.items():
            if term in self._edited_words and CJK_RUN.fullmatch(term):
                vocabulary[term] += len(postings)
        for word in self.synonyms.words():
            if CJK_RUN.fullmatch(word):
                vocabulary[word] += 1
        return PinyinReader(vocabulary, ((w, int(f)) for w, f in freq.items()), total)

    @cached_property
    def _homophones(self) -> HomophoneFixer:
        vocabulary = [t for t in self.channels["words"].idf if t in self._edited_words and CJK_RUN.fullmatch(t)]
        vocabulary += [w for w in self.synonyms.canonical_words() if CJK_RUN.fullmatch(w)]
        return HomophoneFixer(vocabulary, self.segmenter.cut, self.segmenter.log_prob, self._known_text)

    def prepare(self, question: str) -> str:
        """``question`` as the search scores it: cleaned, normalised, pinyin read back into
        Chinese, homophone typos repaired (the models are trained on text prepared so)."""
        _, _, _, read = self._read(question)
        return self.fix_typos(read)

    def _read(self, question: str) -> tuple[str, bool, str, str]:
        """The first steps of preparing a question: the cleaned question, whether it was cut
        to length, its normalised form, and that form with pinyin read back into Chinese."""
        query, truncated = clean_question(_LONE_SURROGATE.sub("\ufffd", question))
        normalised = normalise(query)
        return query, truncated, normalised, self.read_pinyin(normalised)

    def fix_typos(self, normalised: str) -> str:
        """``normalised`` with homophone typos of the knowledge base's words repaired."""
        return CJK_RUN.sub(lambda m: self._homophones.fix(m.group()), normalised)

    @cached_property
    def _english_known(self) -> frozenset[str]:
        """The English word stems of the entries' own English text (titles, summaries,
        answers): such a word stays English even if it reads as pinyin ("chance" is not 铲车).
        The example questions are left out, as they hold typed pinyin (shebao, fuyi) too."""
        words: set[str] = set()
        for entry in self.kb.entries.values():
            for text in (entry.title.en, entry.summary.en, entry.answer.en):
                words.update(english_words(normalise(text)))
        return frozenset(words)

    def _read_pinyin_word(self, match: re.Match[str]) -> str:
        word = match.group()
        if word in EN_STOP or word in _ENGLISH_LOOKALIKES or english_words(word)[0] in self._english_known:
            return word
        syllables = split_pinyin(word)
        if not syllables or len(syllables) < 2:
            return word
        reader = self._pinyin_reader
        words = reader.read_words(syllables)
        if words and all(len(w) >= 2 and reader.is_domain_word(w) for w in words):
            return "".join(words)
        return word

    def read_pinyin(self, normalised: str) -> str:
        """``normalised`` with Latin pinyin read back into Chinese (other text kept): all of
        it when most of its Latin words are pinyin; otherwise only the pinyin words that read
        as the knowledge base's own words ("got fakuan from chengguan, too late for fuyi?")."""
        if not looks_like_pinyin(normalised):
            if not _LATIN_LONG.search(normalised):
                return normalised
            mixed = _LATIN_LONG.sub(self._read_pinyin_word, normalised)
            return normalised if mixed == normalised else normalise(mixed)
        out: list[str] = []
        pending: list[str] = []
        for token in normalised.split():
            # punctuation typed against a word ends the phrase but is not part of the word
            lead, core, trail = _EDGE_PUNCT.fullmatch(token).groups()  # type: ignore[union-attr]
            syllables = [s for word in pinyin_words(core) for s in word] if core.isalpha() else []
            if not syllables:
                lead, core, trail = "", token, ""
            if lead or not syllables:
                if pending:
                    out.append(self._pinyin_reader.read(pending))
                    pending = []
                if lead:
                    out.append(lead)
            if syllables:
                pending.extend(syllables)
                if not trail:
                    continue
                out.append(self._pinyin_reader.read(pending))
                pending = []
                out.append(trail)
                continue
            out.append(core)
        if pending:
            out.append(self._pinyin_reader.read(pending))
        joined = out[0] if out else ""
        for previous, piece in zip(out, out[1:]):
            # a space only between two Latin or number words (n+1 2n), as typed
            joined += (" " if _LATIN_END.search(previous) and _LATIN_START.match(piece) else "") + piece
        return normalise(joined)

    # -- weights ---------------------------------------------------------------------

    def term_weight(self, term: str) -> float:
        """How much a word says about the topic: its idf in the knowledge base (a multiple of
        the maximum idf when the knowledge base never uses it, so off-topic words lower the
        confidence), discounted when it is an everyday word of general Chinese."""
        cached = self._weights.get(term)
        if cached is not None:
            return cached
        words = self.channels["words"]
        if term in self._outside:  # a matter outside the knowledge base: weighs fully
            return words.max_idf * self.tuning.unknown_factor
        idf = words.idf.get(term)
        known = idf is not None
        tuning = self.tuning
        weight = idf if idf is not None else words.max_idf * tuning.unknown_factor
        if CJK_RUN.fullmatch(term):
            freq = self.segmenter.frequency(term)
            if freq:
                info = -math.log(freq / base_dictionary()[1])
                floor = tuning.known_floor if known else tuning.unknown_floor
                share = (info - tuning.common_word) / (tuning.rare_word - tuning.common_word)
                weight *= min(1.0, max(floor, share))
        if known:  # a word of the knowledge base, never a question's own word
            self._weights[term] = weight
        return weight

    # -- ranking ---------------------------------------------------------------------

    def fused_scores(self, terms: dict[str, list[str]], tops: dict[str, float] | None = None,
                     per_channel: dict[str, dict[int, float]] | None = None) -> dict[int, float]:
        """Ranking score of every entry that shares a term with the question: each channel's
        BM25 divided by its best score, summed with the channel weights. Each channel's best
        raw score is put in ``tops`` and its divided scores in ``per_channel`` when given."""
        fused: dict[int, float] = Counter()
        for channel, bm25 in self.channels.items():
            weight = self.tuning.weights.get(channel, 0.0)
            if not weight or not terms[channel]:
                continue
            scores = bm25.scores(terms[channel])
            top = max(scores.values(), default=0.0)
            if tops is not None:
                tops[channel] = top
            if top <= 0:
                continue
            divided = {index: score / top for index, score in scores.items()}
            if per_channel is not None:
                per_channel[channel] = divided
            for index, score in divided.items():
                fused[index] += weight * score
        total = sum(self.tuning.weights.values()) or 1.0
        return {index: score / total for index, score in fused.items()}

    def _answer_terms(self, index: int) -> frozenset[str]:
        """Words of an entry's answer (both languages), tokenised on first use."""
        cached = self._answers.get(index)
        if cached is None:
            entry = self.kb.entries[self.ids[index]]
            words: set[str] = set()
            for text in (entry.answer.zh, entry.answer.en, entry.summary.zh, entry.summary.en):
                words.update(self.tokenizer.channel_terms(self.synonyms.expand(normalise(text)))["words"])
            cached = self._answers[index] = frozenset(words)
        return cached

    def _mass(self, phrase: _Phrase) -> float:
        mass = self._masses.get(phrase.text)
        if mass is None:
            mass = sum(self.term_weight(t) for t in phrase.terms) or 1.0
            self._masses[phrase.text] = mass
        return mass

    def _weighted(self, words: list[str]) -> dict[str, float]:
        return {t: self.term_weight(t) for t in dict.fromkeys(words)}

    def _clause_words(self, clause: str, runs: dict[str, list[str]] | None) -> list[str]:
        """The ``words`` channel of one clause (the other channels are not needed for coverage)."""
        cached = self._term_cache.get(clause)
        if cached is not None:
            return cached["words"]
        expanded = self.synonyms.expand(clause)
        return self.tokenizer.zh_words(expanded, runs) + english_words(expanded)

    def _clause_coverage(self, text: str, index: int, whole: float,
                         runs: dict[str, list[str]] | None = None) -> float:
        """Best coverage of one clause (or two adjacent clauses) of a long question by the
        entry, scaled down for clauses that say little."""
        clauses = [c for c in _CLAUSE.split(text) if c.strip()]
        if len(clauses) < 2:
            return whole
        terms_of = self.entry_terms[index]
        tuning = self.tuning
        answer = self._answer_terms(index) if tuning.answer_credit else frozenset()
        weighted = [self._weighted(self._clause_words(clause, runs)) for clause in clauses]
        parts = weighted + [{**a, **b} for a, b in zip(weighted, weighted[1:])]
        best = whole
        for weights in parts:
            mass = sum(weights.values())
            if mass <= 0:
                continue
            covered = sum(w if t in terms_of else tuning.answer_credit * w for t, w in weights.items()
                          if t in terms_of or t in answer) / mass
            best = max(best, covered * min(1.0, mass / tuning.clause_mass))
        return best

    def _shared(self, index: int, weights: dict[str, float]) -> dict[int, float]:
        """Weight of the question's words found in each phrase of entry ``index`` that shares any."""
        shared: dict[int, float] = {}
        where = self.phrase_terms[index]
        for term, weight in weights.items():
            for position in where.get(term, ()):
                shared[position] = shared.get(position, 0.0) + weight
        return shared

    def _fuzzy(self, searched: str, phrases: dict[int, list[int]]) -> dict[int, float]:
        """Best rapidfuzz similarity (0..1) of the question to each entry's example questions
        that share a word with it (``phrases``: entry -> positions): token-set ratio for Latin
        text, partial ratio for Chinese. Skipped for long posts, where it costs the most and
        says the least."""
        if not self.tuning.fuzzy_weight or len(searched) > self.tuning.fuzzy_max_chars:
            return {}
        from rapidfuzz import fuzz, process  # only when a question is searched

        scorer = fuzz.partial_ratio if CJK_RUN.search(searched) else fuzz.token_set_ratio
        owners: list[int] = []
        texts: list[str] = []
        for index, positions in phrases.items():
            for position in positions:
                owners.append(index)
                texts.append(self.phrases[index][position].text)
        best: dict[int, float] = {}
        for _, score, position in process.extract(searched, texts, scorer=scorer, limit=None):
            owner = owners[position]
            if score / 100.0 > best.get(owner, 0.0):
                best[owner] = score / 100.0
        return best

    def confidence_features(self, searched: str, weights: dict[str, float], top: int, closest: float, echo: float,
                            tops: dict[str, float], grams: set[str] | None = None,
                            runs: dict[str, list[str]] | None = None) -> dict[str, float]:
        """The features of :data:`CONFIDENCE_FEATURES` for entry ``top`` (weights: the
        question's informative words; closest and echo: as the re-ranking measured them)."""
        tuning = self.tuning
        mass = sum(weights.values()) or 1.0
        terms_of = self.entry_terms[top]
        answer = self._answer_terms(top) if tuning.answer_credit else frozenset()
        whole = sum(w if t in terms_of else tuning.answer_credit * w for t, w in weights.items()
                    if t in terms_of or t in answer) / mass
        known = self.channels["words"].idf
        return {
            "closest": closest,
            "clause": self._clause_coverage(searched, top, whole, runs),
            "keys": sum(w for t, w in weights.items() if t in self.key_terms[top]) / mass,
            "whole": whole,
            "echo": echo,
            "unknown": sum(w for t, w in weights.items() if t not in known) / mass,
            "elsewhere": sum(w for t, w in weights.items() if t in self._outside and t not in terms_of) / mass,
            "words_bm25": math.log1p(tops.get("words", 0.0)),
            "bigrams_bm25": math.log1p(tops.get("bigrams", 0.0)),
            "scope": _scope_score(ngrams(searched) if grams is None else grams),
        }

    def _run(self, question: str, explain: bool = False) -> tuple[SearchResult, dict[str, Any]]:
        tuning = self.tuning
        query, truncated, normalised, searched = self._read(question)
        lang = detect_lang(query)
        if searched != normalised and not CJK_RUN.search(normalised) and looks_like_pinyin(normalised):
            lang = "zh"  # pinyin: answer in Chinese
        searched = self.fix_typos(searched)
        info: dict[str, Any] = {"searched": searched}
        if not searched:
            return SearchResult(query, lang, (), True, False, truncated), info
        grams = ngrams(searched)  # one pass over the question for both n-gram models
        model = _crisis_model()
        crisis = EMERGENCY_ID in self.kb.entries and model.decide(
            model.score_features(grams), rules=is_crisis(searched) or is_crisis(normalised), story=is_story(searched))
        emergency = self._emergency
        runs: dict[str, list[str]] = {}  # this question's Chinese runs, cut once (dropped with it)
        terms = self._terms(searched, runs)
        tops: dict[str, float] = {}
        per_channel: dict[str, dict[int, float]] = {}
        scores = self.fused_scores(terms, tops, per_channel)
        ranked = heapq.nsmallest(tuning.rerank_depth + MAX_HITS, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        weights = self._weighted(terms["words"])
        mass = sum(weights.values())
        candidates: list[tuple[float, int, float, float]] = []
        if ranked and mass > 0:
            top_ranked = ranked[: tuning.rerank_depth]
            overlaps = {index: self._shared(index, weights) for index, _ in top_ranked}
            fuzzy = self._fuzzy(searched, {index: heapq.nlargest(tuning.fuzzy_phrases, shared, key=shared.__getitem__)
                                           for index, shared in overlaps.items()})
            rerank = tuning.rerank_weights
            for index, score in top_ranked:
                closest = echo = 0.0
                phrases = self.phrases[index]
                for position, shared in overlaps[index].items():
                    closest = max(closest, min(1.0, shared / self._mass(phrases[position])))
                    echo = max(echo, shared / mass)
                terms_of, keys_of = self.entry_terms[index], self.key_terms[index]
                features = {
                    "fused": score, "words": per_channel.get("words", {}).get(index, 0.0),
                    "bigrams": per_channel.get("bigrams", {}).get(index, 0.0),
                    "pinyin": per_channel.get("pinyin", {}).get(index, 0.0),
                    "closest": closest, "fuzzy": fuzzy.get(index, 0.0), "echo": echo,
                    "keys": sum(w for t, w in weights.items() if t in keys_of) / mass,
                    "whole": sum(w for t, w in weights.items() if t in terms_of) / mass,
                    "emergency": 1.0 if index == emergency and not crisis else 0.0,
                }
                final = sum(rerank.get(name, 0.0) * value for name, value in features.items())
                candidates.append((final, index, closest, echo))
                if explain:
                    info.setdefault("rerank", []).append((self.ids[index], features))
            candidates.sort(key=lambda c: (-c[0], c[1]))
        confidence = 0.0
        if candidates:
            _, top, closest, echo = candidates[0]
            features = self.confidence_features(searched, weights, top, closest, echo, tops, grams, runs)
            z = tuning.confidence_bias + sum(tuning.confidence_weights.get(name, 0.0) * value
                                             for name, value in features.items())
            confidence = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
            if explain:
                info.update(features)
        finals = {c[1]: c[0] for c in candidates}
        order = [c[1] for c in candidates] + [i for i, _ in ranked[tuning.rerank_depth:]]
        top_final = candidates[0][0] if candidates else 1.0
        hits = [Hit(self.ids[i], round(min(1.0, max(0.0, confidence * finals.get(i, scores[i]) / top_final)), 4))
                for i in order[:MAX_HITS]]
        if crisis:
            hits = [Hit(EMERGENCY_ID, 1.0)] + [h for h in hits if h.entry_id != EMERGENCY_ID]
            hits = hits[:MAX_HITS]
        abstained = not crisis and (not hits or confidence < tuning.threshold)
        if explain:
            info.update(terms=terms, weights=weights, confidence=confidence,
                        candidates=[(self.ids[c[1]], round(c[0], 3), round(c[2], 3), round(c[3], 3))
                                    for c in candidates])
        return SearchResult(query, lang, tuple(hits), abstained, crisis, truncated), info

    def explain(self, question: str) -> dict[str, Any]:
        """The ranking and the confidence features of a question, for tuning and debugging."""
        return self._run(question, explain=True)[1]

    def search(self, question: str, limit: int = MAX_HITS) -> SearchResult:
        """Rank entries for ``question``. Any string is accepted; nothing is kept."""
        result = self._run(question)[0]
        if 0 <= limit < len(result.hits):
            result = SearchResult(result.query, result.lang, result.hits[:limit], result.abstained,
                                  result.crisis, result.truncated)
        return result
