"""Load what ``rightsbot deadline`` needs from a content folder: statutes, rules, calendar.

It deliberately does not load the whole knowledge base: a problem in an unrelated topic
entry should not stop someone from counting a deadline. ``rightsbot validate`` checks
everything, this included (:func:`check_deadline_content`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rightsbot.core.errors import ContentError, Problem
from rightsbot.core.laws import Law, load_laws

from .calendar import HolidayCalendar, read_calendar
from .model import DeadlineRule
from .rules import read_rules


@dataclass(frozen=True)
class DeadlineContent:
    """The validated rules, the statutes they cite, and the holiday calendar."""

    rules: Mapping[str, DeadlineRule]
    """Rules by id, in file order."""
    laws: Mapping[str, Law] = field(repr=False)
    """Statute texts by slug, to render citations."""
    calendar: HolidayCalendar
    """Rest days: content schedules, then chinesecalendar, then weekends."""


def read_deadline_content(root: Path, laws: Mapping[str, Law] | None = None
                          ) -> tuple[DeadlineContent, list[Problem]]:
    """Read and check ``deadlines/`` and ``calendar/`` under ``root``; return them and all problems.

    ``laws`` may be passed when the caller has loaded them already (``validate``); otherwise
    they are loaded here and their own problems included.
    """
    root = Path(root)
    problems: list[Problem] = []
    if laws is None:
        laws, found = load_laws(root / "laws")
        problems += found
    rules, found = read_rules(root / "deadlines", laws)
    problems += found
    calendar, found = read_calendar(root / "calendar")
    problems += found
    return DeadlineContent(rules, laws, calendar), sorted(set(problems))


def load_deadline_content(root: Path) -> DeadlineContent:
    """The deadline content of ``root``; raises ContentError listing every problem."""
    content, problems = read_deadline_content(root)
    if problems:
        raise ContentError(problems)
    return content


def check_deadline_content(root: Path, laws: Mapping[str, Law] | None = None) -> tuple[int, list[Problem]]:
    """For ``rightsbot validate``: the number of rules and every problem.

    A content folder without ``deadlines/`` (a small test or topic-only pack) has no rules
    and no problems; the deadline command itself will say the rules are missing.
    """
    root = Path(root)
    if not (root / "deadlines").exists() and not (root / "calendar").exists():
        return 0, []
    content, problems = read_deadline_content(root, laws)
    if not (root / "deadlines").exists():
        problems = [p for p in problems if "deadline rule folder not found" not in p.message]
    return len(content.rules), problems
