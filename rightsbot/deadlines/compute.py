"""Deadline arithmetic, step by step, each step with the provision it follows.

The rules of counting (see :mod:`.counting` for which law states them for which procedure):

1. the start day is not counted; counting begins the next day (民法典 第二百零一条,
   民事诉讼法 第八十五条);
2. N days end on start + N; N months or years end on the corresponding day of the final
   month, or on that month's last day when it has none (民法典 第二百零二条);
3. N working days end on the Nth working day after the start day (rest days skipped);
4. a last day that is a statutory rest day (weekend not made a working day, or a public
   holiday) moves to the first working day after it (民法典 第二百零三条, 民事诉讼法 第八十五条);
5. where the governing law says its short periods are working days (行政复议法 第八十八条:
   三日、五日、七日、十日), such a day-period is counted as working days;
6. an extension is counted on from the original period's last day (before any move off a
   rest day), i.e. as one longer period from the start, then moved off a rest day.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from rightsbot.core.errors import UserInputError
from rightsbot.core.figures import figures_in
from rightsbot.core.model import Citation, LocalText

from .calendar import HolidayCalendar
from .counting import METHODS
from .model import CalendarKind, CountingMethod, DayInfo, DeadlineResult, DeadlineRule, Period, Step
from .strings import MONTHS_EN, STRINGS, local, weekday

#: The earliest start date accepted: older deadlines are long past and the calendar is unsure.
MIN_START = dt.date(1990, 1, 1)
#: How many years ahead of today a start date may lie.
MAX_YEARS_AHEAD = 5
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MAX_ECHO = 40


class DeadlineInputError(UserInputError):
    """A start date or rule name that cannot be used, with a message in both languages."""

    def __init__(self, message: LocalText):
        super().__init__(message.en)
        self.message = message
        """What is wrong, for the person, in zh and en."""


def days_in_month(year: int, month: int) -> int:
    """28–31: the number of days in ``month`` of ``year`` (Gregorian)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_months(date: dt.date, months: int) -> tuple[dt.date, bool]:
    """The corresponding day ``months`` later, or that month's last day; and whether it was clipped."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    last = days_in_month(year, month)
    return dt.date(year, month, min(date.day, last)), date.day > last


def add_years(date: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    return add_months(date, 12 * years)[0]


def _echo(text: str) -> str:
    cleaned = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return cleaned if len(cleaned) <= _MAX_ECHO else cleaned[:_MAX_ECHO] + "…"


def parse_start(text: str, today: dt.date) -> dt.date:
    """Read a start date written YYYY-MM-DD; raise DeadlineInputError saying exactly what is wrong.

    Full-width digits are accepted. Dates before :data:`MIN_START` or more than
    :data:`MAX_YEARS_AHEAD` years after ``today`` are refused.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    match = _ISO_DATE.fullmatch(value)
    if not match:
        raise DeadlineInputError(local("date.malformed", value=_echo(text.strip())))
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise DeadlineInputError(local("date.bad_month", value=value))
    if year < MIN_START.year:
        raise DeadlineInputError(local("date.too_early", value=value, limit=MIN_START.isoformat()))
    if not 1 <= day <= days_in_month(year, month):
        raise DeadlineInputError(local("date.bad_day", value=value, year=year,
                                       month=LocalText(str(month), MONTHS_EN[month - 1]),
                                       days=days_in_month(year, month)))
    date = dt.date(year, month, day)
    limit = add_years(today, MAX_YEARS_AHEAD)
    if date > limit:
        raise DeadlineInputError(local("date.too_late", value=value, years=MAX_YEARS_AHEAD,
                                       limit=limit.isoformat()))
    return date


class _Counter:
    """Walks the calendar for one computation and remembers every day it examined."""

    def __init__(self, calendar: HolidayCalendar):
        self.calendar = calendar
        self.examined: dict[dt.date, DayInfo] = {}

    def day(self, date: dt.date) -> DayInfo:
        info = self.examined.get(date)
        if info is None:
            info = self.examined[date] = self.calendar.day(date)
        return info

    def next_working_day(self, date: dt.date) -> dt.date:
        """``date`` itself if it is a working day, else the first working day after it."""
        while self.day(date).rest:
            date += dt.timedelta(days=1)
        return date

    def working_days(self, start: dt.date, count: int) -> tuple[dt.date, list[DayInfo]]:
        """The ``count``-th working day after ``start``, and the rest days skipped on the way."""
        date, counted, skipped = start, 0, []
        while counted < count:
            date += dt.timedelta(days=1)
            info = self.day(date)
            if info.rest:
                skipped.append(info)
            else:
                counted += 1
        return date, skipped


def _iso(date: dt.date) -> str:
    return date.isoformat()


def _citation_for(rule: DeadlineRule, period: Period) -> Citation:
    """The rule's first citation whose quote states ``period`` (validation guarantees one)."""
    for citation in rule.citations:
        if citation.quote and period.figure in figures_in(citation.quote):
            return citation
    return rule.citations[0]


def _why_rest(info: DayInfo) -> LocalText:
    if info.holiday is not None:
        return local("why.holiday", name=info.holiday)
    return STRINGS["why.weekend" if info.official else "why.weekend_unofficial"]


def _rest_step(counter: _Counter, end: dt.date, method: CountingMethod) -> tuple[dt.date, Step]:
    info = counter.day(end)
    if info.rest:
        new = counter.next_working_day(end)
        text = local("step.rest_moved", end=_iso(end), weekday=weekday(end), why=_why_rest(info),
                     new=_iso(new), new_weekday=weekday(new))
        return new, Step("rest-day", text, method.rest_day, new)
    if info.makeup_workday:
        holiday = local("makeup.holiday", name=info.holiday) if info.holiday else LocalText("", "")
        text = local("step.rest_makeup", end=_iso(end), weekday=weekday(end), holiday=holiday)
        return end, Step("rest-day", text, method.rest_day, end)
    return end, Step("rest-day", local("step.rest_none", end=_iso(end), weekday=weekday(end)),
                     method.rest_day, end)


def _working_days_step(period: Period, start: dt.date, end: dt.date, skipped: list[DayInfo],
                       makeups: list[DayInfo], citation: Citation) -> Step:
    names: list[LocalText] = []
    for info in skipped:
        if info.holiday is not None and info.holiday not in names:
            names.append(info.holiday)
    holidays = (local("step.working_days.holidays",
                      names=LocalText("、".join(n.zh for n in names), ", ".join(n.en for n in names)))
                if names else LocalText("", ""))
    makeup = (local("step.working_days.makeup", dates="、".join(_iso(i.date) for i in makeups))
              if makeups else LocalText("", ""))
    if makeups:
        makeup = LocalText(makeup.zh, makeup.en.replace("、", ", "))
    text = local("step.working_days", period=LocalText(period.label("zh"), period.label("en")),
                 next=_iso(start + dt.timedelta(days=1)), skipped=len(skipped), holidays=holidays,
                 makeup=makeup, n=period.value, end=_iso(end), weekday=weekday(end))
    return Step("working-days", text, citation, end)


def _count(counter: _Counter, start: dt.date, period: Period, citation: Citation,
           method: CountingMethod) -> tuple[dt.date, list[Step]]:
    """The period's last day before any move off a rest day, with the steps that found it."""
    steps: list[Step] = []
    label = LocalText(period.label("zh"), period.label("en"))
    if period.unit == "working-days":
        end, skipped = counter.working_days(start, period.value)
        makeups = [counter.day(start + dt.timedelta(days=i)) for i in range(1, (end - start).days + 1)]
        makeups = [info for info in makeups if info.makeup_workday]
        steps.append(_working_days_step(period, start, end, skipped, makeups, citation))
        return end, steps
    if period.unit == "days":
        end = start + dt.timedelta(days=period.value)
        steps.append(Step("period", local("step.period_days", period=label, next=_iso(start + dt.timedelta(days=1)),
                                          n=period.value, end=_iso(end), weekday=weekday(end)), citation, end))
        return end, steps
    months = period.value * (12 if period.unit == "years" else 1)
    end, clipped = add_months(start, months)
    steps.append(Step("period", local("step.period_months", period=label, start=_iso(start)), citation))
    if clipped:
        text = local("step.month_end", year=end.year, month=LocalText(str(end.month), MONTHS_EN[end.month - 1]),
                     day=start.day, end=_iso(end), weekday=weekday(end))
    else:
        text = local("step.corresponding_day", end=_iso(end), weekday=weekday(end))
    steps.append(Step("month-end", text, method.month_end, end))
    return end, steps


def _calendar_kind(examined: dict[dt.date, DayInfo]) -> tuple[CalendarKind, tuple[int, ...]]:
    official = [info.official for info in examined.values()]
    unofficial_years = tuple(sorted({d.year for d, info in examined.items() if not info.official}))
    if all(official):
        return "official", ()
    return ("weekends-only" if not any(official) else "mixed"), unofficial_years


def _calendar_sources(calendar: HolidayCalendar, examined: dict[dt.date, DayInfo]) -> LocalText:
    parts: list[LocalText] = []
    for year in sorted({d.year for d, info in examined.items() if info.official}):
        if year in calendar.years:
            source = calendar.years[year].source
            part = LocalText(f"{year}：{source}", f"{year}: {source}")
        else:
            lib = STRINGS["source.library"]
            part = LocalText(f"{year}：{lib.zh}", f"{year}: {lib.en}")
        if part not in parts:
            parts.append(part)
    return LocalText("；".join(p.zh for p in parts), "; ".join(p.en for p in parts))


def compute(rule: DeadlineRule, start: dt.date, calendar: HolidayCalendar) -> DeadlineResult:
    """The deadline of ``rule`` for a person whose start date is ``start``, with every step."""
    method = METHODS[rule.counting]
    counter = _Counter(calendar)
    steps: list[Step] = []
    if method.applies is not None:
        steps.append(Step("applies", local("step.applies", method=method.name), method.applies))
    period = rule.period
    rule_citation = _citation_for(rule, period)
    if (period.unit == "days" and period.value in method.short_working_days
            and method.short_working_days_citation is not None):
        steps.append(Step("short-working-days", local("step.short_working_days", n=period.value),
                          method.short_working_days_citation))
        period = Period(period.value, "working-days")
    steps.append(Step("start", local("step.start", date=_iso(start), weekday=weekday(start), start=rule.start,
                                     next=_iso(start + dt.timedelta(days=1))), method.start, start))
    raw_end, found = _count(counter, start, period, rule_citation, method)
    steps += found
    if period.unit == "working-days":
        deadline = raw_end
    else:
        deadline, step = _rest_step(counter, raw_end, method)
        steps.append(step)

    extended: dt.date | None = None
    extension_steps: list[Step] = []
    if rule.extension is not None:
        ext = rule.extension
        if ext.period is None:
            basis = next((c for c in rule.citations if c.quote and "延长" in c.quote), rule.citations[0])
            extension_steps.append(Step("extension", local("step.extension_open", condition=ext.condition), basis))
        else:
            ext_period = ext.period
            if (ext_period.unit == "days" and ext_period.value in method.short_working_days
                    and method.short_working_days_citation is not None):
                ext_period = Period(ext_period.value, "working-days")
            if ext_period.unit == "working-days":
                ext_raw, _ = counter.working_days(raw_end, ext_period.value)
            elif ext_period.unit == "days":
                ext_raw = raw_end + dt.timedelta(days=ext_period.value)
            else:
                months = ext_period.value * (12 if ext_period.unit == "years" else 1)
                ext_raw = add_months(raw_end, months)[0]
            extended = counter.next_working_day(ext_raw)
            moved = (local("step.extension.moved", raw=_iso(ext_raw)) if extended != ext_raw
                     else LocalText("", ""))
            text = local("step.extension", condition=ext.condition,
                         period=LocalText(ext.period.label("zh"), ext.period.label("en")),
                         raw_end=_iso(raw_end), end=_iso(extended), weekday=weekday(extended), moved=moved)
            extension_steps.append(Step("extension", text, _citation_for(rule, ext.period), extended))

    kind, unofficial_years = _calendar_kind(counter.examined)
    if kind != "weekends-only":
        steps.append(Step("calendar", local("step.calendar_official",
                                            sources=_calendar_sources(calendar, counter.examined)),
                          method.rest_day))
    if unofficial_years:
        years = "、".join(str(y) for y in unofficial_years)
        steps.append(Step("calendar", local("step.calendar_weekends_only",
                                            years=LocalText(years, ", ".join(str(y) for y in unofficial_years))),
                          method.rest_day))
    steps.append(Step("deadline", local(f"step.deadline.{rule.actor}", date=_iso(deadline),
                                        weekday=weekday(deadline)), rule_citation, deadline))
    steps += extension_steps

    citations: list[Citation] = []
    for citation in list(rule.citations) + [step.citation for step in steps]:
        if not any(c.law == citation.law and c.article == citation.article and c.quote == citation.quote
                   for c in citations):
            citations.append(citation)
    return DeadlineResult(rule, start, deadline, kind, tuple(steps), tuple(citations), extended, unofficial_years)
