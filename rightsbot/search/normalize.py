"""Text normalisation shared by indexing and querying: width, case, traditional -> simplified,
written Cantonese -> Mandarin, numbers.

``上訪要去哪裡登記`` and ``上访要去哪里登记`` must look the same to the index, and so must
``ＡＢＣ`` and ``abc``, ``退1赔3`` and ``退一赔三``, ``拾倍`` and ``十倍``, ``60天`` and ``六十天``.
OpenCC's t2s conversion is loaded once, on first use (only for text with Chinese in it).

Traditional text from Hong Kong and Guangdong is often written Cantonese (``老闆拖咗三個月
人工，有冇用``): after t2s, the common Cantonese function words and a few everyday words are
read as their Mandarin equivalents (咗 -> 了, 唔 -> 不, 冇 -> 没有, 嘅 -> 的, 喺 -> 在, 佢 -> 他,
边度 -> 哪里, 屋企 -> 家 ...), so the rest of the search sees Mandarin. OpenCC leaves 著 alone
(it is also simplified, as in 著名); in traditional text it mostly stands for 着 (拿著, 著火),
so outside the 著名 words it is read as 着.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_CJK = re.compile(r"[\u3400-\u9fff]")
#: Financial ("capital") numerals, written on cheques and in contracts.
_CAPITAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
_DIGITS = "〇一二三四五六七八九"
#: A short number touching a Chinese character: 60天, 退1赔3, 15日内, 500元 (not 110, 12315).
_SHORT_NUMBER = re.compile(r"(?<![\d.,a-z+\-])(\d{1,2}|\d{3}(?=[元块天日个万倍岁年月]))(?![\d.,%a-z+])")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


#: Written Cantonese (after t2s) -> Mandarin. Only characters and words that do not occur
#: in ordinary Mandarin (or only in the compounds guarded below) are listed, so Mandarin
#: text, the knowledge base's included, is left alone.
_CANTONESE = {
    # question words
    "乜嘢": "什么", "咩嘢": "什么", "乜": "什么", "咩": "什么", "点样": "怎样", "点解": "为什么",
    "点算": "怎么办", "点办": "怎么办", "边度": "哪里", "边个": "谁", "边间": "哪间", "边啲": "哪些",
    "几多": "多少", "几耐": "多久", "几时": "什么时候",
    # pronouns, particles, copula, adverbs
    "佢哋": "他们", "我哋": "我们", "你哋": "你们", "佢": "他", "嘅": "的", "咗": "了", "喺": "在",
    "嚟": "来", "啲": "些", "𠮶": "那", "嗰": "那", "咁样": "这样", "噉样": "这样", "咁": "这么",
    "噉": "这样", "嘢": "东西", "冇晒": "没有", "冇": "没有", "叫极都": "怎么叫都", "眼瞓": "困", "唔该": "谢谢", "唔使": "不用", "唔好": "不要",
    "唔识": "不会", "唔得": "不行", "唔": "不", "真系": "真是", "唔系": "不是", "系咪": "是不是",
    "就系": "就是", "都系": "都是", "但系": "但是", "亦都": "也", "同埋": "和", "而家": "现在",
    "依家": "现在", "啱啱": "刚刚", "琴日": "昨天", "寻日": "昨天", "听日": "明天", "今日": "今天",
    "今次": "这次",
    # verbs
    "俾人": "被人", "畀人": "被人", "仲话": "还说", "佢话": "他说", "俾": "给", "畀": "给", "揾": "找", "攞返": "要回", "攞": "拿",
    "揸住": "拿着", "揸": "拿", "睇": "看", "谂": "想", "落去": "下去", "落嚟": "下来", "返嚟": "回来",
    "返去": "回去", "返工": "上班", "放工": "下班", "出粮": "发工资", "郁手": "动手", "㓥": "杀",
    "斩人": "砍人", "斩死": "砍死", "食咗": "吃了", "食到": "吃到", "索偿": "索赔", "搞掂": "搞定",
    "撞亲": "撞伤", "走佬": "跑路", "拎住": "拿着", "拎着": "拿着", "匿埋喺": "躲在", "喺度": "在这里", "匿埋": "躲在", "匿喺": "躲在", "唔郁": "不动",
    "跌落": "摔下", "跌低": "摔倒", "识郁": "会动", "搵唔到": "找不到", "揾唔到": "找不到", "唔见": "不见", "成身": "全身", "攰": "累",
    # nouns
    "屋企": "家", "细路仔": "小孩", "细路": "小孩", "老细": "老板", "差佬": "警察", "阿妈": "妈妈",
    "阿爸": "爸爸", "老豆": "爸爸", "电单车": "摩托车", "冚家": "全家", "个仔": "儿子", "个女": "女儿",
    "囡囡": "女儿", "地盘": "工地",
}
#: Guards: 系 before 统/列/数 is Mandarin (就系统); 而家 before 里/人/长 ... is 而 + 家 (而家里人);
#: 俾人工 is "give wages", not the passive 俾人 (被人);
#: 仲 is Cantonese 还 except in 仲裁 (and its typos 仲才, 仲材), 仲夏, 仲介, 伯仲; 著 is 着 except in the 著名 words.
_GUARDS = {"系": "系(?![统列数])", "而家": "而家(?![里人长庭属中园乡门境])", "俾人": "俾人(?!工)",
           "畀人": "畀人(?!工)"}
_CANTONESE_RE = re.compile(
    # the look-ahead on first characters lets most positions fail at once (7x faster)
    "(?=[" + "".join(sorted({k[0] for k in _CANTONESE} | {"仲", "著"})) + "])(?:" + "|".join(
    _GUARDS.get(k, re.escape(k)).replace("系", _GUARDS["系"]) if "系" in k and k != "系" else
    _GUARDS.get(k, re.escape(k)) for k in sorted(_CANTONESE, key=len, reverse=True))
    + r"|(?<!伯)仲(?![裁才材财采彩菜夏介])|(?<![显土名原巨专编论卓昭遗译合新拙大撰])著(?![名作称述录者书有]))")


def _cantonese(match: re.Match[str]) -> str:
    word = match.group()
    return "还" if word == "仲" else "着" if word == "著" else _CANTONESE[word]


def chinese_number(value: int) -> str:
    """0..999 as Chinese numerals, the way people write them (十五, 六十, 一百二十)."""
    if value < 10:
        return _DIGITS[value]
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if tens == 0 and units:
            return out + "零" + _DIGITS[units]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if units:
        out += _DIGITS[units]
    return out


def _fold_number(match: re.Match[str]) -> str:
    text = match.string
    start, end = match.span()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if not (_CJK.match(before or " ") or _CJK.match(after or " ")):
        return match.group(0)
    return chinese_number(int(match.group(1)))


def normalise(text: str) -> str:
    """NFKC, lower case, traditional -> simplified Chinese, short numbers beside Chinese as
    Chinese numerals, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).lower()
    if _CJK.search(folded):
        folded = _converter().convert(folded).translate(_CAPITAL)
        folded = _CANTONESE_RE.sub(_cantonese, folded)
        folded = _SHORT_NUMBER.sub(_fold_number, folded)
    return " ".join(folded.split())
