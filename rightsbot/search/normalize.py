"""Text normalisation shared by indexing and querying: width, case, traditional -> simplified,
numbers.

``上訪要去哪裡登記`` and ``上访要去哪里登记`` must look the same to the index, and so must
``ＡＢＣ`` and ``abc``, ``退1赔3`` and ``退一赔三``, ``拾倍`` and ``十倍``, ``60天`` and ``六十天``.
OpenCC's t2s conversion is loaded once, on first use (only for text with Chinese in it).
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
        folded = _SHORT_NUMBER.sub(_fold_number, folded)
    return " ".join(folded.split())
