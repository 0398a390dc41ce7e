"""The tokenisation channels the index fuses, plus English words.

* ``words``   dictionary words (jieba's search mode, see :mod:`.segment`) for Chinese;
              light-stemmed words for English
* ``bigrams`` Chinese character bigrams: robust to segmentation mistakes and typos
* ``pinyin``  fuzzy-pinyin syllable bigrams: homophone typos (工姿 for 工资)

Pinyin typed in Latin letters is read back into Chinese before tokenising (see
:class:`.pinyin.PinyinReader`), so it reaches all three channels.
"""

from __future__ import annotations

import re

from .pinyin import char_syllables, split_pinyin
from .segment import Segmenter

CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_LATIN_WORD = re.compile(r"[a-z]+|\d+")
_CONTRACTION = re.compile(r"n't\b|'s\b|'re\b|'ve\b|'m\b|'ll\b|'d\b")
#: Channels in fusion order.
CHANNELS = ("words", "bigrams", "pinyin")

EN_STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been
being am do does did done have has had having i me my mine we us our you your he him his she her it its
they them their this that these those there here what which who whom whose when where why how can could
should would will shall may might must not no nor so than too very just about into over after before
again then once also any all some such own same other only both each few more most s t don doesn didn
isn wasn aren weren hasn haven hadn won wouldn shouldn couldn can't don't i'm it's i've what's get got
please help want need know tell thanks thank hi hello ok okay really actually still even ever yet up
out off down now one way go going let lets make sure like much many thing things something anything
someone anyone somebody anybody""".split())

ZH_STOP = frozenset("的 了 吗 呢 吧 啊 呀 嘛 么 我 你 他 她 它 们 是 在 有 和 与 及 或 就 都 也 还 又 被 把 给 让 对 "
                    "从 向 到 这 那 个 些 什么 怎么 怎么办 怎样 如何 可以 能 能不能 会 要 想 请问 请 一下 "
                    "一个 没有 不 没 很 太 啥 咋 吧 哪 哪里 哪个 为什么 我们 你们 他们 自己 着 过 得 地 "
                    "吗 呗 哦 嗯 啦 咯 呐 哈 就是 还是 但是 可是 而且 因为 所以 如果 这个 那个 这样 那样 "
                    "这种 那种 现在 已经 应该 是不是 有没有 能否 是否 一直 还有 以及 或者 咋办 咋整 "
                    "怎么样 怎么弄 好 该 去 找 说 ， 。 ？ ！ 、".split())


def _stem(word: str) -> str:
    """A light stemmer that sends a word's forms to one stem: wage, wages -> wag;
    terminate, terminated, terminating -> terminat; apply, applies -> apply."""
    if len(word) <= 3 or word.endswith("ss") or word.endswith("us"):
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def english_words(text: str) -> list[str]:
    """Lower-case English words, stop words removed, lightly stemmed."""
    text = _CONTRACTION.sub(" ", text.replace("’", "'"))
    return [_stem(w) for w in _LATIN_WORD.findall(text) if w not in EN_STOP and len(w) > 1]


def bigrams(text: str) -> list[str]:
    """Character bigrams of each Chinese run; a lone character stands for itself."""
    grams: list[str] = []
    for run in CJK_RUN.findall(text):
        if len(run) == 1:
            grams.append(run)
        grams.extend(run[i:i + 2] for i in range(len(run) - 1))
    return grams


def _syllable_bigrams(syllables: list[str]) -> list[str]:
    if len(syllables) == 1:
        return syllables
    return [f"{a}_{b}" for a, b in zip(syllables, syllables[1:])]


def pinyin_grams(text: str) -> list[str]:
    """Fuzzy-pinyin syllable bigrams of the Chinese runs."""
    grams: list[str] = []
    for run in CJK_RUN.findall(text):
        grams.extend(_syllable_bigrams(char_syllables(run)))
    return grams


def looks_like_pinyin(text: str) -> bool:
    """True when most Latin words of ``text`` read as pinyin (tuoqian gongzi), not English."""
    words = [w for w in re.findall(r"[a-z]+", text) if len(w) >= 2]
    # an English stop word that is also a syllable (you, he, an, can) says nothing either way
    decisive = [w for w in words if not (w in EN_STOP and split_pinyin(w))]
    if not decisive:
        return False
    pinyin = sum(1 for w in decisive if w not in EN_STOP and split_pinyin(w))
    return pinyin / len(decisive) >= 0.7


class Tokenizer:
    """Splits normalised text into the channels; one per index (it knows the domain words)."""

    def __init__(self, segmenter: Segmenter):
        self.segmenter = segmenter
        """The Chinese word segmenter."""

    def zh_words(self, text: str, runs: dict[str, list[str]] | None = None) -> list[str]:
        """Search-mode words of the Chinese runs, stop words removed. ``runs`` (run -> its
        words), when given, is read and filled, so the clauses of one question are not cut
        again; the caller owns it and drops it with the question."""
        words: list[str] = []
        cut = self.segmenter.cut_for_search
        for run in CJK_RUN.findall(text):
            found = runs.get(run) if runs is not None else None
            if found is None:
                found = [w for w in cut(run) if w not in ZH_STOP]
                if runs is not None:
                    runs[run] = found
            words.extend(found)
        return words

    def channel_terms(self, text: str, runs: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
        """All channels of already-normalised (and synonym-expanded) text (``runs``: see
        :meth:`zh_words`)."""
        return {
            "words": self.zh_words(text, runs) + english_words(text),
            "bigrams": bigrams(text),
            "pinyin": pinyin_grams(text),
        }
