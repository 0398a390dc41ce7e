"""The three tokenisation channels the index fuses, plus English words.

* ``words``   jieba words (search mode) for Chinese; light-stemmed words for English
* ``bigrams`` Chinese character bigrams: robust to segmentation mistakes and typos
* ``pinyin``  fuzzy-pinyin syllable bigrams: homophone typos and pinyin input

jieba is loaded from the trimmed dictionary shipped in ``search/data/words.txt``, without
its cache file and without pkg_resources (which it would otherwise import, slowly).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from importlib import resources
from typing import Any

from .pinyin import char_syllables, latin_syllables, split_pinyin

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_LATIN_WORD = re.compile(r"[a-z]+|\d+")
_CONTRACTION = re.compile(r"n't\b|'s\b|'re\b|'ve\b|'m\b|'ll\b|'d\b")
#: Channels in fusion order.
CHANNELS = ("words", "bigrams", "pinyin")

_EN_STOP = frozenset("""a an the and or but if of to in on at by for with from as is are was were be been
being am do does did done have has had having i me my mine we us our you your he him his she her it its
they them their this that these those there here what which who whom whose when where why how can could
should would will shall may might must not no nor so than too very just about into over after before
again then once also any all some such own same other only both each few more most s t don doesn didn
isn wasn aren weren hasn haven hadn won wouldn shouldn couldn can't don't i'm it's i've what's get got
please help want need know tell thanks thank hi hello ok okay""".split())

_ZH_STOP = frozenset("的 了 吗 呢 吧 啊 呀 嘛 么 我 你 他 她 它 们 是 在 有 和 与 及 或 就 都 也 还 又 被 把 给 让 对 "
                     "从 向 到 这 那 个 些 什么 怎么 怎么办 怎样 如何 可以 能 能不能 会 要 想 请问 请 一下 "
                     "一个 没有 不 没 很 太 啥 咋 吧 哪 哪里 哪个 为什么 ， 。 ？ ！ 、".split())


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    blocked = sys.modules.get("pkg_resources", ...)
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # jieba falls back to plain open()
    try:
        import jieba
    finally:
        if blocked is ...:
            del sys.modules["pkg_resources"]
        else:
            sys.modules["pkg_resources"] = blocked  # type: ignore[assignment]
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    with (resources.files("rightsbot.search") / "data" / "words.txt").open("rb") as handle:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(handle)
    tokenizer.initialized = True  # skip initialize(): it would write jieba.cache to the temp dir
    return tokenizer


def add_words(words: list[str]) -> None:
    """Teach the segmenter domain words (keywords of the knowledge base), in memory only."""
    tokenizer = _tokenizer()
    for word in words:
        if 2 <= len(word) <= 12 and _CJK_RUN.fullmatch(word):
            tokenizer.add_word(word, freq=max(tokenizer.FREQ.get(word, 0) or 0, 2000))


def _stem(word: str) -> str:
    if word.endswith("ss") or word.endswith("us"):
        return word
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + keep
    return word


def english_words(text: str) -> list[str]:
    """Lower-case English words, stop words removed, lightly stemmed."""
    text = _CONTRACTION.sub(" ", text.replace("’", "'"))
    return [_stem(w) for w in _LATIN_WORD.findall(text) if w not in _EN_STOP and len(w) > 1]


def zh_words(text: str) -> list[str]:
    """jieba search-mode words of the Chinese runs, stop words removed."""
    tokenizer = _tokenizer()
    words: list[str] = []
    for run in _CJK_RUN.findall(text):
        words.extend(w for w in tokenizer.lcut_for_search(run) if w not in _ZH_STOP)
    return words


def bigrams(text: str) -> list[str]:
    """Character bigrams of each Chinese run; a lone character stands for itself."""
    grams: list[str] = []
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            grams.append(run)
        grams.extend(run[i:i + 2] for i in range(len(run) - 1))
    return grams


def _syllable_bigrams(syllables: list[str]) -> list[str]:
    if len(syllables) == 1:
        return syllables
    return [f"{a}_{b}" for a, b in zip(syllables, syllables[1:])]


def looks_like_pinyin(text: str) -> bool:
    """True when most Latin words of ``text`` read as pinyin (tuoqian gongzi), not English."""
    words = [w for w in re.findall(r"[a-z]+", text) if len(w) >= 2]
    if not words:
        return False
    pinyin = sum(1 for w in words if split_pinyin(w) and w not in _EN_STOP)
    return pinyin / len(words) >= 0.7


def pinyin_grams(text: str) -> list[str]:
    """Fuzzy-pinyin syllable bigrams of the Chinese runs, and of Latin text that is pinyin."""
    grams: list[str] = []
    for run in _CJK_RUN.findall(text):
        grams.extend(_syllable_bigrams(char_syllables(run)))
    if looks_like_pinyin(text):
        for word_group in re.findall(r"[a-z]+(?:\s+[a-z]+)*", text):
            grams.extend(_syllable_bigrams(latin_syllables(word_group)))
    return grams


def channel_terms(text: str) -> dict[str, list[str]]:
    """All channels of already-normalised text."""
    return {
        "words": zh_words(text) + english_words(text),
        "bigrams": bigrams(text),
        "pinyin": pinyin_grams(text),
    }
