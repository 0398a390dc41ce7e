"""The deadline model: typed, immutable objects for rules, calendar days and computed results.

Nothing here reads files or prints; :mod:`.rules` and :mod:`.calendar` build these objects
from content, :mod:`.compute` produces a :class:`DeadlineResult`, and the faces render it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from rightsbot.core.figures import Figure
from rightsbot.core.model import Citation, LocalText

PeriodUnit = Literal["days", "months", "years", "working-days"]
#: Units a period may be written in, as spelt in the rule files.
PERIOD_UNITS: tuple[PeriodUnit, ...] = ("days", "months", "years", "working-days")

Actor = Literal["you", "authority", "other-party"]
#: Who must act by the deadline: the person, the body handling the matter, or the other side
#: of the dispute (an employer that must apply for work-injury recognition).
ACTORS: tuple[Actor, ...] = ("you", "authority", "other-party")

CalendarKind = Literal["official", "weekends-only", "mixed"]
#: Where the rest days of a result came from: the official schedule, weekends only, or both.
CALENDAR_KINDS: tuple[CalendarKind, ...] = ("official", "weekends-only", "mixed")

_FIGURE_UNIT = {"days": "day", "months": "month", "years": "year", "working-days": "workday"}
_ZH_UNIT = {"days": "日", "months": "个月", "years": "年", "working-days": "个工作日"}
_EN_UNIT = {"days": ("day", "days"), "months": ("month", "months"), "years": ("year", "years"),
            "working-days": ("working day", "working days")}


@dataclass(frozen=True)
class Period:
    """A length of time as a statute states it, e.g. 60 days, 6 months, 20 working days."""

    value: int
    """How many units (always >= 1)."""
    unit: PeriodUnit
    """What is counted; months and years end on the corresponding day (民法典 第二百零二条)."""

    @property
    def figure(self) -> Figure:
        """The figure a statute quote must contain to back this period (see core.figures)."""
        return Figure(float(self.value), _FIGURE_UNIT[self.unit])

    def label(self, lang: str) -> str:
        """``60日`` / ``60 days``: the period as a reader sees it."""
        if lang == "zh":
            return f"{self.value}{_ZH_UNIT[self.unit]}"
        singular, plural = _EN_UNIT[self.unit]
        return f"{self.value} {singular if self.value == 1 else plural}"


@dataclass(frozen=True)
class Extension:
    """How far, and on what condition, a period may be extended (e.g. 复议决定 +30日)."""

    condition: LocalText
    """When the extension is allowed (complex case, approved by the head of the body ...)."""
    period: Period | None = None
    """The longest extension the statute allows; None when it sets no figure (适当延长)."""


@dataclass(frozen=True)
class DeadlineRule:
    """One statutory deadline that ``rightsbot deadline`` can compute, loaded from content."""

    id: str
    """Stable public id, ``<family>.<slug>``, e.g. ``admin-reconsideration.apply``."""
    name: LocalText
    """What the deadline is for."""
    period: Period
    """The statutory period."""
    start: LocalText
    """What the start date is (the day you knew of the act, received the decision ...)."""
    actor: Actor
    """Who must act by the deadline."""
    counting: str
    """Id of the counting method (see :mod:`.counting`) that the governing law prescribes."""
    citations: tuple[Citation, ...]
    """The articles that set the period, each with a verbatim quote."""
    extension: Extension | None = None
    """An extension the statute allows, if any."""
    note: LocalText | None = None
    """A caveat for the reader (exceptions, what stops the clock), if any."""
    path: str = ""
    """The file it was loaded from, for error messages."""
    line: int = 0
    """Line of the rule in that file, for error messages."""


@dataclass(frozen=True)
class CountingMethod:
    """How a family of periods is counted, with the provisions that say so.

    Counting is arithmetic, so it lives in code; its citations are still checked against the
    shipped statute texts by ``rightsbot validate`` so a revised law cannot silently drift.
    """

    id: str
    """Short id used by rules' ``counting`` field, e.g. ``civil-procedure``."""
    name: LocalText
    """What the method is, for the reader."""
    start: Citation
    """The provision that excludes the start day."""
    month_end: Citation
    """The provision for months and years: corresponding day, else the month's last day."""
    rest_day: Citation
    """The provision that moves a last day falling on a statutory rest day."""
    applies: Citation | None = None
    """A provision that makes these rules apply (行政复议法 第八十八条 ...), if indirect."""
    note: LocalText | None = None
    """A caveat when the method is applied by analogy, if any."""
    short_working_days: frozenset[int] = frozenset()
    """Day-periods the governing law declares to be working days (行政复议法: 3, 5, 7, 10)."""
    short_working_days_citation: Citation | None = None
    """The provision that declares them."""


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one day."""

    date: dt.date
    """The day."""
    rest: bool
    """True on a statutory rest day: a weekend not made a working day, or a public holiday."""
    official: bool
    """True if the official schedule for its year was known; False for weekends-only."""
    holiday: LocalText | None = None
    """Name of the public holiday the day belongs to (a rest day, or a make-up working day)."""
    makeup_workday: bool = False
    """True for a weekend day officially made a working day (调休上班)."""


@dataclass(frozen=True)
class Step:
    """One step of a computation, renderable in either language, with its legal basis."""

    kind: str
    """Machine-readable step type: applies, short-working-days, start, period, month-end,
    working-days, rest-day, calendar, deadline, extension."""
    text: LocalText
    """What the step did, in both languages."""
    citation: Citation
    """The provision the step follows (the calendar step cites the rest-day provision it serves)."""
    date: dt.date | None = None
    """The date the step arrives at, if any."""


@dataclass(frozen=True)
class DeadlineResult:
    """A computed deadline, with every step shown so a person can check it by hand."""

    rule: DeadlineRule
    """The rule applied."""
    start: dt.date
    """The start date the person gave (their own assessment)."""
    deadline: dt.date
    """The last day to act, after any move off a rest day."""
    calendar: CalendarKind
    """Where the rest days examined came from."""
    steps: tuple[Step, ...]
    """The computation, in order."""
    citations: tuple[Citation, ...]
    """Every provision relied on: the rule's, then the counting provisions used."""
    extended_deadline: dt.date | None = None
    """The last day if the statutory extension is used in full, when it has a figure."""
    weekends_only_years: tuple[int, ...] = ()
    """Years examined for which no official holiday schedule was known."""
