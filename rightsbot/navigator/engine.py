"""The interview as a pure state machine: ``start() → Ask``; ``answer(state, value) → Ask | Result``.

The engine keeps nothing: :class:`Navigator` is frozen and holds only the flow and the
content it reads; every answer lives in the :class:`~.model.State` the caller passes back
in, so a face (CLI prompt, TUI screen) forgets everything by dropping that object. It
imports no UI toolkit, prints nothing and writes nothing.

Answers may be given as people type them (``"2"``, ``"1, 3"``, ``"2026-03-01"``) or as
values (an option id, a list of ids, a :class:`datetime.date`); anything unusable raises
:class:`AnswerError` with a message in both languages, and the state is unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rightsbot.core.errors import UserInputError
from rightsbot.core.laws import ArticleNumber
from rightsbot.core.loader import default_content_dir, load_content
from rightsbot.core.model import Citation, KnowledgeBase, LocalText
from rightsbot.core.text import clean_question
from rightsbot.deadlines import DeadlineContent, DeadlineInputError, compute, load_deadline_content, parse_start

from .flows import load_flows
from .model import (
    RESULT,
    AnswerValue,
    Ask,
    EmergencyNotice,
    Flow,
    Option,
    Outcome,
    Result,
    Route,
    RouteResult,
    State,
    holds,
)
from .strings import local

#: The flow ``rightsbot guide`` runs when none is named.
DEFAULT_FLOW = "triage"
#: Words that mean "go back one question" at a prompt (faces decide whether to offer it).
BACK_WORDS = frozenset({"b", "back", "返回", "上一题"})
_SEPARATORS = re.compile(r"[,，、;；\s]+")
_MAX_ECHO = 40


class AnswerError(UserInputError):
    """An answer that cannot be used for the current question, with a message in zh and en."""

    def __init__(self, message: LocalText):
        super().__init__(message.en)
        self.message = message
        """What is wrong and what to type instead, for the person."""


class UnknownFlowError(UserInputError):
    """``--flow`` names an interview the content does not have."""

    def __init__(self, message: LocalText):
        super().__init__(message.en)
        self.message = message
        """Which flows exist, for the person."""


def _echo(value: object) -> str:
    text = clean_question(str(value))[0]
    return text if len(text) <= _MAX_ECHO else text[:_MAX_ECHO] + "…"


def _token(value: object) -> str:
    """What the person typed, normalised: full-width digits and letters folded, trimmed, lower-case."""
    return unicodedata.normalize("NFKC", str(value)).strip().casefold()


def _find_option(options: Sequence[Option], value: object) -> Option:
    """The option ``value`` names: its number (from 1), its id, or its label in either language."""
    n = len(options)
    if isinstance(value, bool):  # YAML reads yes/no as booleans
        value = "yes" if value else "no"
    if isinstance(value, int):
        if 1 <= value <= n:
            return options[value - 1]
        raise AnswerError(local("error.choice", value=value, n=n))
    if not isinstance(value, str):
        raise AnswerError(local("error.answer_type"))
    token = _token(value)
    if token.isdigit():
        index = int(token)
        if 1 <= index <= n:
            return options[index - 1]
    for option in options:
        if token in (option.id.casefold(), _token(option.label.zh), _token(option.label.en)):
            return option
    raise AnswerError(local("error.choice", value=_echo(value), n=n))


@dataclass(frozen=True)
class Navigator:
    """Runs one flow over the knowledge base and the deadline calculator; holds no answers."""

    flow: Flow
    """The interview."""
    kb: KnowledgeBase = field(repr=False)
    """Entries (titles), hotlines and statutes the results point to."""
    deadlines: DeadlineContent = field(repr=False)
    """Deadline rules and the holiday calendar."""
    today: dt.date
    """The day deadlines are compared with (injectable, for tests)."""

    # --- moving through the interview ----------------------------------------------------------

    def start(self) -> Ask:
        """The first question, with no answers."""
        return self.ask(State(self.flow.start))

    def ask(self, state: State) -> Ask:
        """The question ``state`` is at, with the options its answers make visible.

        Raises ValueError for a finished interview (go ``back`` first) or a foreign state.
        """
        question = self.flow.questions.get(state.current)
        if question is None:
            raise ValueError(f"no question '{state.current}' to ask in flow '{self.flow.id}'")
        answers = state.as_dict()
        options = tuple(o for o in question.options if holds(o.when, answers))
        return Ask(state, question, options, len(state.answers) + 1, self._emergency(answers))

    def answer(self, state: State, value: object) -> Ask | Result:
        """Record ``value`` for the current question; the next question, or the result.

        Raises :class:`AnswerError` (``state`` stays valid; ask again) if ``value`` is unusable.
        """
        ask = self.ask(state)
        question = ask.question
        parsed = self.parse(ask, value)
        answers = state.answers + ((question.id, parsed),)
        given = dict(answers)
        branches = question.next
        if question.kind == "choice":
            option = question.option(parsed) if isinstance(parsed, str) else None
            branches = (option.next if option and option.next else question.next)
        target = next(b.target for b in branches if holds(b.condition, given))
        if target in self.flow.questions:
            return self.ask(State(target, answers))
        outcome = self._outcome(target, given)
        return self.result(State(RESULT, answers), outcome)

    def back(self, state: State) -> Ask:
        """The previous question again, its answer forgotten (the first question stays put)."""
        if not state.answers:
            return self.ask(State(self.flow.start))
        return self.ask(State(state.answers[-1][0], state.answers[:-1]))

    # --- reading answers -----------------------------------------------------------------------

    def parse(self, ask: Ask, value: object) -> AnswerValue:
        """``value`` as an answer to ``ask``: an option id, option ids, or a date; else AnswerError."""
        kind = ask.question.kind
        if kind == "date":
            return self._parse_date(value)
        if kind == "choice":
            if isinstance(value, (list, tuple)):
                if len(value) != 1:
                    raise AnswerError(local("error.choice_one", n=len(ask.options)))
                value = value[0]
            if isinstance(value, str):
                tokens = [t for t in _SEPARATORS.split(_token(value)) if t]
                if len(tokens) > 1 and all(t.isdigit() for t in tokens):
                    raise AnswerError(local("error.choice_one", n=len(ask.options)))
            return _find_option(ask.options, value).id
        return self._parse_multi(ask, value)

    def _parse_multi(self, ask: Ask, value: object) -> tuple[str, ...]:
        if isinstance(value, (list, tuple)):
            tokens: list[object] = list(value)
        elif isinstance(value, str):
            whole = _find_label(ask.options, value)
            tokens = [whole.id] if whole is not None else [t for t in _SEPARATORS.split(value.strip()) if t]
        elif isinstance(value, (int, bool)):
            tokens = [value]
        else:
            raise AnswerError(local("error.answer_type"))
        if not tokens:
            raise AnswerError(local("error.multi_empty"))
        chosen = {_find_option(ask.options, token).id for token in tokens}
        picked = tuple(o for o in ask.options if o.id in chosen)
        exclusive = next((o for o in picked if o.exclusive), None)
        if exclusive is not None and len(picked) > 1:
            raise AnswerError(local("error.multi_exclusive", label=exclusive.label))
        return tuple(o.id for o in picked)

    def _parse_date(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            value = value.isoformat()
        if not isinstance(value, str):
            raise AnswerError(local("error.date_type"))
        try:
            date = parse_start(value, self.today)
        except DeadlineInputError as error:
            raise AnswerError(error.message) from None
        if date > self.today:
            raise AnswerError(local("error.date_future", value=date.isoformat(), today=self.today.isoformat()))
        return date

    # --- the result ----------------------------------------------------------------------------

    def _outcome(self, target: str, answers: Mapping[str, AnswerValue]) -> Outcome:
        if target == RESULT:
            return next(o for o in self.flow.outcomes if holds(o.when, answers))
        outcome = self.flow.outcome(target)
        assert outcome is not None  # validated: every target exists
        return outcome

    def _emergency(self, answers: Mapping[str, AnswerValue]) -> EmergencyNotice | None:
        emergency = self.flow.emergency
        if emergency is None or not emergency.condition.holds(answers):
            return None
        hotlines = tuple((n, self.kb.hotlines[n].name) for n in emergency.hotlines if n in self.kb.hotlines)
        return EmergencyNotice(emergency, hotlines, self.kb.entries[emergency.entry].title)

    def _basis(self, citations: Sequence[Citation]) -> tuple[LocalText, ...]:
        """One label per law, its articles in order: 《…》第二十六条、第四十五条 / …, Articles 26, 45."""
        by_law: dict[str, set[ArticleNumber]] = {}
        for citation in citations:
            by_law.setdefault(citation.law, set()).add(citation.article)
        labels: list[LocalText] = []
        for slug, numbers in by_law.items():
            law = self.kb.laws.get(slug) or self.deadlines.laws.get(slug)
            if law is None:
                continue
            ordered = sorted(numbers)
            zh = law.bracketed_title + "、".join(n.chinese for n in ordered)
            word = "Article" if len(ordered) == 1 else "Articles"
            en = f"{law.title_en} ({law.bracketed_title}), {word} " + ", ".join(n.english.split(" ", 1)[1] for n in ordered)
            labels.append(LocalText(zh, en))
        return tuple(labels)

    def _route(self, route: Route, answers: Mapping[str, AnswerValue]) -> RouteResult:
        entry_title = self.kb.entries[route.entry].title
        rule = self.deadlines.rules.get(route.deadline_rule) if route.deadline_rule else None
        basis = self._basis(list(route.citations) + (list(rule.citations) if rule else []))
        reason = next((c.reason for c in route.closed_if if c.condition.holds(answers)), None)
        given = answers.get(route.start) if route.start else None
        start = given if isinstance(given, dt.date) else None
        if reason is not None:
            return RouteResult(route, "closed", entry_title, basis, reason, start)
        if rule is None or start is None:
            return RouteResult(route, "open", entry_title, basis, None, start)
        deadline = compute(rule, start, self.deadlines.calendar)
        days_left = (deadline.deadline - self.today).days
        if days_left < 0:
            reason = local("deadline.passed", date=start.isoformat(), name=rule.name,
                           last=deadline.deadline.isoformat())
            return RouteResult(route, "deadline-passed", entry_title, basis, reason, start, deadline, days_left)
        return RouteResult(route, "open", entry_title, basis, None, start, deadline, days_left)

    def result(self, state: State, outcome: Outcome) -> Result:
        """The routes of ``outcome`` as they stand for the answers in ``state``."""
        answers = state.as_dict()
        open_: list[RouteResult] = []
        closed: list[RouteResult] = []
        for route_id in outcome.routes:
            route = self.flow.routes[route_id]
            if not holds(route.when, answers):
                continue
            found = self._route(route, answers)
            (open_ if found.status == "open" else closed).append(found)
        see_also = tuple((entry_id, self.kb.entries[entry_id].title) for entry_id in outcome.see_also)
        return Result(state, self.flow.title, outcome, self._emergency(answers), tuple(open_), tuple(closed),
                      see_also, self.today)


def _find_label(options: Sequence[Option], value: str) -> Option | None:
    """The option whose id or label is exactly ``value`` (labels may contain commas or spaces)."""
    token = _token(value)
    for option in options:
        if token in (option.id.casefold(), _token(option.label.zh), _token(option.label.en)):
            return option
    return None


def load_navigator(root: Path | None = None, *, flow_id: str | None = None, today: dt.date | None = None,
                   kb: KnowledgeBase | None = None) -> Navigator:
    """A navigator for one flow of a content folder (the shipped one by default).

    Loads the knowledge base (unless given), the deadline rules and the flows, and checks
    them; raises ContentError listing every problem, or UnknownFlowError for a bad ``flow_id``.
    """
    root = Path(root) if root is not None else default_content_dir()
    kb = kb if kb is not None else load_content(root)
    deadlines = load_deadline_content(root)
    flows = load_flows(root, kb, deadlines.rules)
    wanted = flow_id or (DEFAULT_FLOW if DEFAULT_FLOW in flows else next(iter(flows)))
    flow = flows.get(wanted)
    if flow is None:
        raise UnknownFlowError(local("error.unknown_flow", id=_echo(wanted), known=", ".join(flows)))
    return Navigator(flow, kb, deadlines, today or dt.date.today())
