"""The navigator model: a guided interview as typed, immutable data, and what it produces.

Two halves:

* the *flow* as authors write it in ``content/flows/*.yaml`` (:class:`Flow`, :class:`Question`,
  :class:`Option`, :class:`Route`, :class:`Outcome` ...), built by :mod:`.flows`;
* the *interview* as the engine runs it (:class:`State`, :class:`Ask`, :class:`Result`), built
  by :mod:`.engine`. These hold the person's answers, in memory only: nothing here is ever
  written anywhere, and dropping the objects forgets the answers.

Nothing here reads files, prints, or imports a UI toolkit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Union

from rightsbot.core.model import Citation, FieldLines, LocalText
from rightsbot.deadlines.model import DeadlineResult

QuestionKind = Literal["choice", "date", "multi"]
#: What a question asks for: one option, a calendar date, or one or more options.
QUESTION_KINDS: tuple[QuestionKind, ...] = ("choice", "date", "multi")

#: The reserved ``next`` target that ends the interview with the first outcome whose
#: ``when`` matches the answers (the last outcome, without ``when``, is the fallback).
RESULT = "result"

#: One answer: an option id (choice), option ids in option order (multi), or a date.
AnswerValue = Union[str, tuple[str, ...], dt.date]

RouteStatus = Literal["open", "closed", "deadline-passed"]
#: How a route stands for this person: open; closed by their answers (with a reason);
#: or probably closed because its computed deadline is before today.
ROUTE_STATUSES: tuple[RouteStatus, ...] = ("open", "closed", "deadline-passed")


# --- the flow, as authored ----------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    """One test of a condition: the answer to ``question`` is (or, for multi, includes) one of ``values``."""

    question: str
    """Id of a choice or multi question."""
    values: frozenset[str]
    """Option ids of that question; any one of them satisfies the test."""


@dataclass(frozen=True)
class Condition:
    """A test on the answers so far: true if any clause holds; a clause holds if all its tests do.

    Written in YAML as a mapping (one clause: ``{situation: work, other-side: employer}``) or a
    list of mappings (any of them). A question not (yet) answered fails every test on it.
    """

    clauses: tuple[tuple[Match, ...], ...]
    """The alternatives; each is a conjunction of tests."""
    line: int = 0
    """Line of the condition in its flow file, for error messages."""

    def holds(self, answers: Mapping[str, AnswerValue]) -> bool:
        """Whether ``answers`` (question id → answer) satisfy the condition."""
        return any(all(_passes(test, answers.get(test.question)) for test in clause) for clause in self.clauses)

    def matches(self) -> tuple[Match, ...]:
        """Every match in every clause, for validation."""
        return tuple(match for clause in self.clauses for match in clause)


def _passes(test: Match, answer: AnswerValue | None) -> bool:
    if isinstance(answer, str):
        return answer in test.values
    if isinstance(answer, tuple):
        return bool(test.values.intersection(answer))
    return False


def holds(condition: Condition | None, answers: Mapping[str, AnswerValue]) -> bool:
    """``condition.holds(answers)``, with no condition meaning always."""
    return condition is None or condition.holds(answers)


@dataclass(frozen=True)
class Branch:
    """One way out of a question: go to ``target`` if ``condition`` holds (always, when it is None)."""

    target: str
    """A question id, an outcome id, or :data:`RESULT`."""
    condition: Condition | None = None
    """When to take this branch; the last branch of a list has none (the default)."""
    line: int = 0
    """Line in the flow file, for error messages."""


@dataclass(frozen=True)
class Option:
    """One answer a person can pick in a choice or multi question."""

    id: str
    """Stable id, used in conditions and in ``--answers`` files."""
    label: LocalText
    """What the person reads."""
    next: tuple[Branch, ...] = ()
    """Where a choice goes when this option is picked; empty means the question's own ``next``."""
    when: Condition | None = None
    """Show the option only when this holds (keeps the list short and relevant); None: always."""
    exclusive: bool = False
    """In a multi question: cannot be combined with other options (e.g. "nothing yet")."""
    line: int = 0
    """Line in the flow file, for error messages."""


@dataclass(frozen=True)
class Question:
    """One step of the interview."""

    id: str
    """Stable id, used in ``next``, conditions, route ``start`` and ``--answers`` files."""
    kind: QuestionKind
    """choice, date or multi."""
    text: LocalText
    """The question itself."""
    help: LocalText | None
    """A line of guidance under it (which date to give ...), if any."""
    options: tuple[Option, ...]
    """The options of a choice or multi question; empty for a date question."""
    next: tuple[Branch, ...]
    """Where to go after it; a choice option's own ``next`` takes precedence."""
    line: int = 0
    """Line in the flow file, for error messages."""

    def option(self, option_id: str) -> Option | None:
        """The option with that id, or None."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class ClosedIf:
    """A reason a route is not open to this person, and when it applies."""

    condition: Condition
    """When the route is closed."""
    reason: LocalText
    """Why, for the person (and what to do instead)."""
    line: int = 0
    """Line in the flow file, for error messages."""


@dataclass(frozen=True)
class Route(FieldLines):
    """One way to pursue the matter (reconsideration, arbitration, a lawsuit ...)."""

    id: str
    """Stable id, listed by outcomes."""
    name: LocalText
    """Short name of the route."""
    body: LocalText
    """Which body to go to."""
    cost: LocalText
    """What it costs."""
    bring: LocalText
    """What to bring."""
    entry: str
    """The knowledge-base entry to read for the full, cited answer."""
    deadline_rule: str | None
    """Id of a rule in ``content/deadlines`` that sets the person's deadline, or None."""
    start: str | None
    """Id of the date question whose answer starts that deadline."""
    when: Condition | None = None
    """Show the route only when this holds; None: whenever its outcome is reached."""
    closed_if: tuple[ClosedIf, ...] = ()
    """Answers that close the route, each with its reason (the first that holds is shown)."""
    interactions: LocalText | None = None
    """What choosing this route does to the others (诉访分离, 仲裁前置 ...)."""
    citations: tuple[Citation, ...] = ()
    """Articles backing any figure the route's texts state, each with a verbatim quote."""
    line: int = 0
    """Line in the flow file, for error messages."""
    field_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Line of each field, so problems point at the field itself."""


@dataclass(frozen=True)
class Outcome(FieldLines):
    """Where an interview ends: a kind of situation, with its routes in the recommended order."""

    id: str
    """Stable id; also a valid ``next`` target."""
    title: LocalText
    """What the situation is, as the result's heading."""
    summary: LocalText
    """One or two sentences of direction."""
    routes: tuple[str, ...]
    """Route ids, in the recommended order."""
    when: Condition | None = None
    """For the ``result`` target: the first outcome whose condition holds is chosen."""
    see_also: tuple[str, ...] = ()
    """Further knowledge-base entries worth reading."""
    citations: tuple[Citation, ...] = ()
    """Articles backing any figure the outcome's texts state."""
    line: int = 0
    """Line in the flow file, for error messages."""
    field_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Line of each field, so problems point at the field itself."""


@dataclass(frozen=True)
class Emergency(FieldLines):
    """What to show first, before any route, when the person says someone is in danger."""

    condition: Condition
    """When it applies (e.g. ``{danger: "yes"}``)."""
    text: LocalText
    """The message: get safe, call for help."""
    entry: str
    """The knowledge-base entry on emergencies."""
    hotlines: tuple[str, ...]
    """Numbers from the hotline directory to list (110, 120, 119, 12356)."""
    line: int = 0
    """Line in the flow file, for error messages."""
    field_lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Line of each field, so problems point at the field itself."""


@dataclass(frozen=True)
class Flow:
    """One guided interview, loaded from ``content/flows/<id>.yaml`` and validated."""

    id: str
    """Stable id, also the file name: ``rightsbot guide --flow ID``."""
    title: LocalText
    """Name of the interview."""
    intro: LocalText
    """Shown before the first question: what it does, and that nothing is kept."""
    start: str
    """Id of the first question."""
    questions: Mapping[str, Question] = field(repr=False)
    """Questions by id, in file order."""
    outcomes: tuple[Outcome, ...] = field(repr=False)
    """Outcomes, in the order :data:`RESULT` tries them."""
    routes: Mapping[str, Route] = field(repr=False)
    """Routes by id, in file order."""
    emergency: Emergency | None = None
    """The safety message, if the flow asks about danger."""
    path: str = ""
    """The file it was loaded from."""

    def outcome(self, outcome_id: str) -> Outcome | None:
        """The outcome with that id, or None."""
        return next((o for o in self.outcomes if o.id == outcome_id), None)


# --- an interview, as the engine runs it -------------------------------------------------------

@dataclass(frozen=True)
class State:
    """Where one interview stands. Lives in memory only; dropping it forgets every answer."""

    current: str
    """Id of the question being asked; ``result`` once the interview has ended."""
    answers: tuple[tuple[str, AnswerValue], ...] = ()
    """(question id, answer) in the order given; exactly the questions on the path so far."""

    def as_dict(self) -> dict[str, AnswerValue]:
        """The answers by question id, for conditions."""
        return dict(self.answers)


@dataclass(frozen=True)
class EmergencyNotice:
    """The safety message resolved for display: text, hotline names, entry title."""

    emergency: Emergency
    """The flow's emergency block."""
    hotlines: tuple[tuple[str, LocalText], ...]
    """(number, who answers) for each hotline to call."""
    entry_title: LocalText
    """Title of the emergency entry."""


@dataclass(frozen=True)
class Ask:
    """A question to put to the person now; pass ``state`` back to the engine with the answer."""

    state: State
    """The interview so far (its ``current`` is this question)."""
    question: Question
    """The question."""
    options: tuple[Option, ...]
    """The options to show, in order (those whose ``when`` holds); numbered from 1 when shown."""
    number: int
    """Position of this question in this interview, from 1."""
    emergency: EmergencyNotice | None = None
    """Set once the person has said someone is in danger: show it above every later step."""


@dataclass(frozen=True)
class RouteResult:
    """One route as it stands for this person."""

    route: Route
    """The route."""
    status: RouteStatus
    """open, closed, or deadline-passed."""
    entry_title: LocalText
    """Title of the route's knowledge-base entry."""
    basis: tuple[LocalText, ...] = ()
    """Labels of the articles the route and its deadline rest on (《…》第二十条 / Article 20 …)."""
    reason: LocalText | None = None
    """Why it is closed or probably closed; None when open."""
    start: dt.date | None = None
    """The date the person gave that starts its deadline, if any."""
    deadline: DeadlineResult | None = None
    """The computed deadline, if the route has a rule and the date was given."""
    days_left: int | None = None
    """Days from today to the deadline's last day (negative once passed)."""


@dataclass(frozen=True)
class Result:
    """Where the interview ended: safety first, then the routes open, closed, and how they interact."""

    state: State
    """The answers that led here (so a face can go back); memory only."""
    flow_title: LocalText
    """Title of the interview."""
    outcome: Outcome
    """The situation reached."""
    emergency: EmergencyNotice | None
    """The safety message to lead with, if someone is in danger."""
    open: tuple[RouteResult, ...]
    """Routes still open, in the recommended order."""
    closed: tuple[RouteResult, ...]
    """Routes closed by the answers or probably closed by a passed deadline, with reasons."""
    see_also: tuple[tuple[str, LocalText], ...]
    """(entry id, title) of further entries to read."""
    today: dt.date
    """The day the deadlines were compared with."""

    @property
    def routes(self) -> tuple[RouteResult, ...]:
        """Every route shown, open first."""
        return self.open + self.closed
