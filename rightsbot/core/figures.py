"""Find the figures a text states (deadlines, amounts, multiples) so each can be checked
against a verbatim statute quote.

A figure is a number with a unit: 60日, 十五天, 三个月, 一年, 二倍, 五百元, 20个工作日,
"60 days", "15 working days", "three times", "500 yuan", "double". Values are compared,
not spellings: 六十日 in a statute backs "60 days" in an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import NUMERAL_CHARS, parse_number


@dataclass(frozen=True, order=True)
class Figure:
    """A stated quantity: a value and what it counts."""

    value: float
    """The number."""
    unit: str
    """One of: day, workday, month, year, hour, times, yuan, percent."""

    def __str__(self) -> str:
        value = int(self.value) if self.value == int(self.value) else self.value
        return f"{value} {self.unit}"


_ZH_UNITS = [
    ("个工作日", "workday"), ("工作日", "workday"), ("个月", "month"), ("个小时", "hour"),
    ("小时", "hour"), ("日", "day"), ("天", "day"), ("月", "month"), ("年", "year"),
    ("倍", "times"), ("元", "yuan"), ("%", "percent"), ("％", "percent"),
]
_ZH_NUMBER = rf"(?:\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+)"
# an ordinal or a pointer ("第一日", "最后一日", "前一日", "当日") is not a period
_ZH_FIGURE = re.compile(
    rf"(?<![第\d{NUMERAL_CHARS}])({_ZH_NUMBER})\s*("
    + "|".join(re.escape(u) for u, _ in _ZH_UNITS) + ")"
)
_POINTERS = "前后同某每这那当下了"
_ZH_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*万\s*(元)")
_ZH_IDIOM = re.compile(r"退一赔([三十])")
_ZH_UNIT_MAP = dict(_ZH_UNITS)
# calendar dates are not figures: 2026年1月1日, 1月1日, 2026-01-01
_DATES = re.compile(
    r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2}"
    rf"|[{NUMERAL_CHARS}]{{4}}年"
)

_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}
_EN_UNITS = [
    (r"working[\s-]+days?", "workday"), (r"days?", "day"), (r"months?", "month"),
    (r"years?", "year"), (r"hours?", "hour"), (r"times", "times"), (r"yuan", "yuan"),
    (r"percent|%", "percent"),
]
_EN_NUMBER = r"\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_EN_WORDS, key=len, reverse=True))
_EN_FIGURE = re.compile(
    rf"\b({_EN_NUMBER})(?:[\s-]+(?:calendar[\s-]+)?|\s*)(" + "|".join(p for p, _ in _EN_UNITS) + r")\b",
    re.IGNORECASE,
)
# "12 or 24 hours", "three, five, seven and ten days", "5 to 10 days", "one to three times"
_EN_LIST = re.compile(
    rf"\b((?:(?:{_EN_NUMBER})(?:\s*,\s*|\s+(?:or|and|to)\s+|\s*[-–]\s*))+(?:{_EN_NUMBER}))"
    rf"[\s-]+(?:calendar[\s-]+)?(" + "|".join(p for p, _ in _EN_UNITS) + r")\b",
    re.IGNORECASE,
)
_EN_MONEY = re.compile(r"(?:RMB|CNY|¥)\s?(\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)
_EN_MULTIPLES = re.compile(r"\b(double|twice|triple|treble)\b", re.IGNORECASE)
_EN_MULTIPLE_VALUES = {"double": 2, "twice": 2, "triple": 3, "treble": 3}
_EN_DATES = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}\b|\b(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}\b|\b(?:19|20)\d{2}\b"
)


def _en_value(token: str) -> float:
    token = token.lower().replace(",", "")
    if token in _EN_WORDS:
        return float(_EN_WORDS[token])
    return float(token)


def _en_unit(token: str) -> str:
    for pattern, unit in _EN_UNITS:
        if re.fullmatch(pattern, token, re.IGNORECASE):
            return unit
    raise ValueError(token)


_ZH_PERCENT = re.compile(rf"百分之([{NUMERAL_CHARS}]+|\d+(?:\.\d+)?)")


def figures_in(text: str) -> set[Figure]:
    """Every figure stated in ``text`` (Chinese or English, or both mixed)."""
    found: set[Figure] = set()
    if not _ANY_NUMBER.search(text):
        return found
    if _HAS_CJK.search(text):
        found |= _zh_figures(text)
    if _HAS_LATIN.search(text):
        found |= _en_figures(text)
    return found


_ANY_NUMBER = re.compile(rf"[0-9{NUMERAL_CHARS}]|double|twice|triple|treble|" + "|".join(_EN_WORDS), re.I)
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")
_HAS_LATIN = re.compile(r"[A-Za-z¥]")


def _zh_figures(text: str) -> set[Figure]:
    found: set[Figure] = set()
    zh_text = _DATES.sub(" ", text)
    for match in _ZH_PERCENT.finditer(zh_text):
        try:
            found.add(Figure(float(parse_number(match.group(1))), "percent"))
        except ValueError:
            continue
    for match in _ZH_WAN.finditer(zh_text):
        found.add(Figure(float(match.group(1)) * 10000, "yuan"))
    zh_text = _ZH_WAN.sub(" ", zh_text)
    for match in _ZH_IDIOM.finditer(zh_text):
        found.add(Figure(float(parse_number(match.group(1))), "times"))
    for match in _ZH_FIGURE.finditer(zh_text):
        number, unit = match.groups()
        if number == "一" and match.start() > 0 and zh_text[match.start() - 1] in _POINTERS:
            continue  # 最后一日, 前一日, 当一天: a day pointed at, not a period
        try:
            value = float(number) if any(c.isdigit() for c in number) else float(parse_number(number))
        except ValueError:
            continue
        found.add(Figure(value, _ZH_UNIT_MAP[unit]))
    return found


def _en_figures(text: str) -> set[Figure]:
    found: set[Figure] = set()
    en_text = _EN_DATES.sub(" ", text)
    for match in _EN_LIST.finditer(en_text):
        unit = _en_unit(match.group(2))
        for number in re.findall(_EN_NUMBER, match.group(1), re.IGNORECASE):
            found.add(Figure(_en_value(number), unit))
    for match in _EN_FIGURE.finditer(en_text):
        try:
            found.add(Figure(_en_value(match.group(1)), _en_unit(match.group(2))))
        except ValueError:
            continue
    for match in _EN_MONEY.finditer(en_text):
        found.add(Figure(_en_value(match.group(1)), "yuan"))
    for match in _EN_MULTIPLES.finditer(en_text):
        found.add(Figure(float(_EN_MULTIPLE_VALUES[match.group(1).lower()]), "times"))
    return found
