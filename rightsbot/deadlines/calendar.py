"""Which days are statutory rest days: official holidays, make-up working days, weekends.

Sources, most specific first:

1. ``content/calendar/<year>.yaml``: a year's official schedule typed in by a content author
   from the State Council notice (国务院办公厅关于<year>年部分节假日安排的通知), so the tool
   learns a new year without a release. It wins over the library for the days it lists;
2. the ``chinesecalendar`` package (``import chinese_calendar``), which knows 2004–2026. It is
   imported lazily, on the first day looked up, to keep start-up fast;
3. otherwise weekends only; such days are marked not official and the result says so.

A statutory rest day (法定休假日) is a Saturday or Sunday not officially made a working day,
or a day of an official public-holiday break.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from rightsbot.core.errors import Problem
from rightsbot.core.loader import open_mapping
from rightsbot.core.model import LocalText
from rightsbot.core.schema import Reader

from .model import DayInfo

#: Earliest and latest years a calendar file may describe.
MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR = 1990, 2100
#: How many days of a neighbouring year a year's notice may list (a New Year break can start
#: on 30 December, and its make-up working day fall on the 29th).
_NEIGHBOUR_DAYS = 7
#: The longest single holiday break a notice plausibly announces, to catch typos in ranges.
_MAX_BREAK_DAYS = 15
_CALENDAR_FIELDS = ("year", "source", "holidays", "workdays")


@dataclass(frozen=True)
class OfficialYear:
    """One year's official holiday schedule, as typed from the State Council notice."""

    year: int
    """The year the notice is for."""
    source: str
    """The notice it was copied from (title and document number)."""
    holidays: Mapping[dt.date, LocalText] = field(default_factory=dict)
    """Every day of every public-holiday break, with the holiday's name."""
    workdays: frozenset[dt.date] = frozenset()
    """Weekend days officially made working days (调休上班)."""
    path: str = ""
    """The file it came from."""


@lru_cache(maxsize=1)
def _library() -> ModuleType | None:
    """The chinesecalendar module, imported on first use; None if it is not installed."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - a declared dependency, but degrade, do not crash
        return None
    return chinese_calendar


@lru_cache(maxsize=1)
def _library_names() -> dict[str, LocalText]:
    lib = _library()
    if lib is None:  # pragma: no cover
        return {}
    return {h.value: LocalText(h.chinese, h.value) for h in lib.Holiday}


@dataclass(frozen=True)
class HolidayCalendar:
    """Answers "is this day a statutory rest day?" from content, the library, or weekends."""

    years: Mapping[int, OfficialYear] = field(default_factory=dict)
    """Official schedules from ``content/calendar``, by year."""
    use_library: bool = True
    """Consult chinesecalendar for years content does not cover (False in tests of fallback)."""

    def day(self, date: dt.date) -> DayInfo:
        """What the calendar knows about ``date``."""
        weekend = date.weekday() >= 5
        for official in self._content_years_around(date):
            if date in official.holidays:
                return DayInfo(date, True, True, official.holidays[date])
            if date in official.workdays:
                return DayInfo(date, False, True, None, makeup_workday=True)
        if date.year in self.years:
            return DayInfo(date, weekend, True)
        if self.use_library:
            lib = _library()
            if lib is not None:
                try:
                    on_holiday_list, name = lib.get_holiday_detail(date)
                    rest = bool(lib.is_holiday(date))
                except NotImplementedError:  # a year the library does not know
                    pass
                else:
                    label = _library_names().get(name) if name else None
                    makeup = weekend and not rest
                    return DayInfo(date, rest, True, label if (on_holiday_list or makeup) else None,
                                   makeup_workday=makeup)
        return DayInfo(date, weekend, False)

    def _content_years_around(self, date: dt.date) -> list[OfficialYear]:
        return [self.years[y] for y in (date.year, date.year + 1, date.year - 1) if y in self.years]


# --- reading content/calendar ------------------------------------------------------------


def _read_date(reader: Reader, *path: object) -> dt.date | None:
    return reader.date(*path, today=dt.date.max)


def _near_year(date: dt.date, year: int) -> bool:
    low = dt.date(year, 1, 1) - dt.timedelta(days=_NEIGHBOUR_DAYS)
    high = dt.date(year, 12, 31) + dt.timedelta(days=_NEIGHBOUR_DAYS)
    return low <= date <= high


def read_calendar_file(path: Path) -> tuple[OfficialYear | None, list[Problem]]:
    """Read and check one ``<year>.yaml`` file."""
    reader, problems = open_mapping(path, _CALENDAR_FIELDS, _CALENDAR_FIELDS)
    if reader is None:
        return None, problems
    year = reader.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_CALENDAR_YEAR <= year <= MAX_CALENDAR_YEAR:
        reader.problem(f"year must be a year between {MIN_CALENDAR_YEAR} and {MAX_CALENDAR_YEAR}, "
                       f"got {year!r}", "year")
        return None, problems + reader.problems
    if path.stem != str(year):
        reader.problem(f"file name '{path.name}' should be '{year}.yaml' to match year {year}", "year")
    source = reader.text("source") if reader.get("source") is not None else None

    holidays: dict[dt.date, LocalText] = {}
    raw = reader.get("holidays")
    if not isinstance(raw, list) or not raw:
        reader.problem("holidays must be a non-empty list of {name, from, to} breaks", "holidays")
        raw = []
    for i, _ in enumerate(raw):
        if reader.mapping("holidays", i, allowed=("name", "from", "to"), required=("name", "from")) is None:
            continue
        name = reader.local_text("holidays", i, "name")
        first = _read_date(reader, "holidays", i, "from")
        last = _read_date(reader, "holidays", i, "to") if reader.get("holidays", i, "to") is not None else first
        if name is None or first is None or last is None:
            continue
        if last < first:
            reader.problem(f"holidays[{i}]: 'to' {last} is before 'from' {first}", "holidays", i, "to")
            continue
        if (last - first).days + 1 > _MAX_BREAK_DAYS:
            reader.problem(f"holidays[{i}]: a break of {(last - first).days + 1} days is implausible "
                           f"(at most {_MAX_BREAK_DAYS}); check the dates", "holidays", i)
            continue
        day = first
        while day <= last:
            if not _near_year(day, year):
                reader.problem(f"holidays[{i}]: {day} is not in {year}", "holidays", i)
                break
            if day in holidays:
                reader.problem(f"holidays[{i}]: {day} is already listed", "holidays", i)
            holidays[day] = name
            day += dt.timedelta(days=1)

    workdays: set[dt.date] = set()
    raw = reader.get("workdays")
    if not isinstance(raw, list):
        reader.problem("workdays must be a list of dates (write [] if there are none)", "workdays")
        raw = []
    for i, _ in enumerate(raw):
        day = _read_date(reader, "workdays", i)
        if day is None:
            continue
        if not _near_year(day, year):
            reader.problem(f"workdays[{i}]: {day} is not in {year}", "workdays", i)
        elif day.weekday() < 5:
            reader.problem(f"workdays[{i}]: {day} is a {day.strftime('%A')}; make-up working days "
                           "(调休上班) are weekend days", "workdays", i)
        elif day in holidays:
            reader.problem(f"workdays[{i}]: {day} is also listed as a holiday", "workdays", i)
        elif day in workdays:
            reader.problem(f"workdays[{i}]: {day} is already listed", "workdays", i)
        else:
            workdays.add(day)

    problems += reader.problems
    if reader.problems or source is None:
        return None, problems
    return OfficialYear(year, source, holidays, frozenset(workdays), str(path)), problems


def read_calendar(folder: Path) -> tuple[HolidayCalendar, list[Problem]]:
    """Read every ``<year>.yaml`` in ``folder`` (a missing folder means none)."""
    years: dict[int, OfficialYear] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return HolidayCalendar(), problems
    for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
        official, found = read_calendar_file(path)
        problems += found
        if official is None:
            continue
        if official.year in years:
            problems.append(Problem(str(path), 1, f"year {official.year} is also in {years[official.year].path}"))
            continue
        years[official.year] = official
    return HolidayCalendar(years), problems
