"""How periods are counted, law by law, with the provisions that say so.

Every rule file names one of these methods in its ``counting`` field. The arithmetic is the
same everywhere (start day excluded; months and years end on the corresponding day or the
month's last day; a last day on a statutory rest day moves to the next working day) but the
*authority* for it differs, and the output cites the one that governs the procedure:

* ``civil-code``: 民法典 第二百零一条至第二百零三条 (limitation periods, civil rights);
* ``civil-procedure``: 民事诉讼法 第八十五条 (periods in court proceedings);
* ``administrative-reconsideration``: 行政复议法 第八十八条 sends counting to the civil
  procedure law and makes its "三日、五日、七日、十日" working days;
* ``administrative-litigation``: 行政诉讼法 第一百零一条 sends counting to the civil
  procedure law; the Supreme People's Court interpretation 第四十八条 restates it;
* ``general``: instruments with no counting rule of their own (信访工作条例, 工伤保险条例 ...)
  are counted by the Civil Code's rules, and the result says that this is by analogy.

The quotes are checked against the shipped statute texts by ``rightsbot validate``.
"""

from __future__ import annotations

from rightsbot.core.laws import ArticleNumber
from rightsbot.core.model import Citation, LocalText

from .model import CountingMethod


def _cite(law: str, article: int, quote: str) -> Citation:
    return Citation(law, ArticleNumber(article), quote)


_CC_START = _cite("civil-code", 201, "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。")
_CC_MONTH_END = _cite("civil-code", 202, "按照年、月计算期间的，到期月的对应日为期间的最后一日；"
                                         "没有对应日的，月末日为期间的最后一日。")
_CC_REST = _cite("civil-code", 203, "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。")
_CPL_START = _cite("civil-procedure-law", 85, "期间开始的时和日，不计算在期间内。")
_CPL_REST = _cite("civil-procedure-law", 85, "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。")
_SPC_ADMIN_START = _cite("spc-administrative-litigation-law-interpretation", 48, "期间开始的时和日，不计算在期间内。")
_SPC_ADMIN_REST = _cite("spc-administrative-litigation-law-interpretation", 48,
                        "期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期。")

#: Every counting method, by id.
METHODS: dict[str, CountingMethod] = {
    "civil-code": CountingMethod(
        id="civil-code",
        name=LocalText("按《民法典》的期间计算规则", "counted under the Civil Code's rules on periods"),
        start=_CC_START, month_end=_CC_MONTH_END, rest_day=_CC_REST,
    ),
    "civil-procedure": CountingMethod(
        id="civil-procedure",
        name=LocalText("按《民事诉讼法》的期间规定", "counted under the Civil Procedure Law's rules on periods"),
        start=_CPL_START, month_end=_CC_MONTH_END, rest_day=_CPL_REST,
    ),
    "administrative-reconsideration": CountingMethod(
        id="administrative-reconsideration",
        name=LocalText("行政复议期间依照《民事诉讼法》计算",
                       "reconsideration periods are counted under the Civil Procedure Law"),
        applies=_cite("administrative-reconsideration-law", 88,
                      "行政复议期间的计算和行政复议文书的送达，本法没有规定的，依照《中华人民共和国民事诉讼法》"
                      "关于期间、送达的规定执行。"),
        start=_CPL_START, month_end=_CC_MONTH_END, rest_day=_CPL_REST,
        short_working_days=frozenset({3, 5, 7, 10}),
        short_working_days_citation=_cite(
            "administrative-reconsideration-law", 88,
            "本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日，不含法定休假日。"),
    ),
    "administrative-litigation": CountingMethod(
        id="administrative-litigation",
        name=LocalText("行政诉讼期间适用《民事诉讼法》的规定",
                       "administrative litigation periods follow the Civil Procedure Law"),
        applies=_cite("administrative-litigation-law", 101,
                      "人民法院审理行政案件，关于期间、送达、财产保全、开庭审理、调解、中止诉讼、终结诉讼、简易程序、"
                      "执行等，以及人民检察院对行政案件受理、审理、裁判、执行的监督，本法没有规定的，适用《中华人民共和国"
                      "民事诉讼法》的相关规定。"),
        start=_SPC_ADMIN_START, month_end=_CC_MONTH_END, rest_day=_SPC_ADMIN_REST,
    ),
    "general": CountingMethod(
        id="general",
        name=LocalText("按《民法典》的期间计算规则推算", "estimated with the Civil Code's rules on periods"),
        start=_CC_START, month_end=_CC_MONTH_END, rest_day=_CC_REST,
        note=LocalText(
            "这项规定本身没有期间计算规则，这里参照《民法典》的期间计算规则推算；具体怎么计算，请向办理机关核实。",
            "The instrument that sets this period has no counting rule of its own; it is estimated here with "
            "the Civil Code's rules on periods. Ask the body concerned how it counts."),
    ),
}


def method_citations(method: CountingMethod) -> tuple[Citation, ...]:
    """Every provision a method relies on, in the order the steps use them, without repeats."""
    seen: list[Citation] = []
    for citation in (method.applies, method.short_working_days_citation, method.start,
                     method.month_end, method.rest_day):
        if citation is not None and citation not in seen:
            seen.append(citation)
    return tuple(seen)
