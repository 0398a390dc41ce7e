"""Chinese numerals <-> integers, for article numbers and figures in legal text.

Statute files number articles in Chinese (第一百三十三条之一); authors and users type
Arabic numbers (133之1). Both directions live here so every module agrees.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN_DIGITS = "零一二三四五六七八九"

#: Characters that may make up a Chinese numeral.
NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)
NUMERAL_RE = re.compile(f"[{NUMERAL_CHARS}]+")


@lru_cache(maxsize=4096)
def cn_to_int(text: str) -> int:
    """Convert a Chinese numeral such as ``一百三十三`` or ``二〇二六`` to an int.

    Raises ValueError for an empty string or a character that is not a numeral.
    """
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if all(ch in _DIGITS for ch in text) and len(text) > 1:
        # digit-by-digit form, e.g. 二〇二六
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            unit = _UNITS[ch]
            if unit == 10000:
                section = ((section + digit) or 1) * unit
                total += section
                section = 0
            else:
                section += (digit or 1) * unit
            digit = 0
    return total + section + digit


def int_to_cn(number: int) -> str:
    """Convert 0 <= number < 10000 to the Chinese numeral used in article numbers.

    10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五, 1260 -> 一千二百六十.
    """
    if not 0 <= number < 10000:
        raise ValueError(f"out of range: {number}")
    if number == 0:
        return "零"
    parts: list[str] = []
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    pending_zero = False
    for value, name in units:
        d = number // value % 10
        if d == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_CN_DIGITS[d] + name)
    text = "".join(parts)
    if text.startswith("一十"):
        text = text[1:]
    return text


def parse_number(text: str) -> int:
    """Parse an Arabic (``20``, full-width ``２０``) or Chinese (``二十``) number."""
    text = text.strip()
    if not text:
        raise ValueError("empty number")
    ascii_text = text.translate({0xFF10 + i: 0x30 + i for i in range(10)})
    if ascii_text.isdigit():
        return int(ascii_text)
    return cn_to_int(text)
