"""Read guided interviews from ``content/flows/*.yaml`` and check them like entries.

A flow file, field by field (documented for authors in ``content/README.md``)::

    id: triage                       # = the file name
    title: {zh: ..., en: ...}
    intro: {zh: ..., en: ...}        # shown before the first question
    start: danger                    # the first question
    emergency:                       # optional: shown first when its condition holds
      when: {danger: "yes"}
      text: {zh: ..., en: ...}
      entry: safety.emergency
      hotlines: ["110", "120", "119", "12356"]
    questions:
      - id: situation
        kind: choice                 # choice | date | multi
        text: {zh: ..., en: ...}
        help: {zh: ..., en: ...}     # optional
        options:                     # choice and multi only
          - id: work
            label: {zh: ..., en: ...}
            next: other-side         # choice only; else the question's next
            when: {...}              # optional: show the option only then
            exclusive: true          # multi only: cannot be combined ("nothing yet")
        next: learned                # an id, "result", or [{if: {...}, to: ...}, ..., {to: ...}]
    outcomes:                        # "result" picks the first whose `when` holds
      - id: labour
        when: {situation: work}      # the last outcome has no `when`: the fallback
        title: {zh: ..., en: ...}
        summary: {zh: ..., en: ...}
        routes: [labour-arbitration, ...]   # in the recommended order
        see_also: [labor.wage-arrears]      # optional
        citations: [...]                    # optional
    routes:
      - id: labour-arbitration
        name / body / cost / bring: {zh: ..., en: ...}
        entry: labor.arbitration     # a knowledge-base entry id
        deadline_rule: labor.arbitration   # a rule of content/deadlines, or none
        start: learned               # the date question that starts it
        when: {...}                  # optional
        closed_if: [{when: {...}, reason: {zh: ..., en: ...}}]   # optional
        interactions: {zh: ..., en: ...}   # optional
        citations: [{law: ..., article: 5, quote: "..."}]        # optional

A condition is a mapping ``question: option`` (or a list of options: any of them; for a multi
question, the answer includes any of them); several keys must all hold; a list of mappings
holds if any does.

Checks: the schema (unknown fields are errors, with file:line); every ``next`` target, start
question, condition and option exists; every path ends at an outcome (no cycles, a default
branch last); nothing is unreachable; every entry, hotline and deadline rule exists; each
citation resolves and its quote is verbatim; and no text states a figure (60日, 15 days)
that no quote backs — a route's deadline comes from the calculator, not from the flow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rightsbot.core.errors import ContentError, Problem
from rightsbot.core.figures import Figure, figures_in
from rightsbot.core.laws import ArticleNumber, Law, load_laws
from rightsbot.core.loader import open_mapping
from rightsbot.core.model import Citation, Entry, Hotline, KnowledgeBase, LocalText
from rightsbot.core.schema import Reader
from rightsbot.core.suggest import closest
from rightsbot.deadlines.model import DeadlineRule
from rightsbot.deadlines.rules import check_citation, read_rules

from .model import (
    QUESTION_KINDS,
    RESULT,
    Branch,
    ClosedIf,
    Condition,
    Emergency,
    Flow,
    Match,
    Option,
    Outcome,
    Question,
    Route,
)

#: Fields of a flow file; anything else is reported.
FLOW_FIELDS = ("id", "title", "intro", "start", "emergency", "questions", "outcomes", "routes")
#: Fields every flow file must have.
REQUIRED_FLOW_FIELDS = ("id", "title", "intro", "start", "questions", "outcomes", "routes")
#: Fields of a question.
QUESTION_FIELDS = ("id", "kind", "text", "help", "options", "next")
#: Fields of an option.
OPTION_FIELDS = ("id", "label", "next", "when", "exclusive")
#: Fields of a route.
ROUTE_FIELDS = ("id", "name", "body", "cost", "bring", "entry", "deadline_rule", "start", "when",
                "closed_if", "interactions", "citations")
#: Fields every route must have (``deadline_rule: none`` is written out, so it is a decision).
REQUIRED_ROUTE_FIELDS = ("id", "name", "body", "cost", "bring", "entry", "deadline_rule")
#: Fields of an outcome.
OUTCOME_FIELDS = ("id", "title", "summary", "routes", "when", "see_also", "citations")
#: Fields of the emergency block.
EMERGENCY_FIELDS = ("when", "text", "entry", "hotlines")
#: The value of ``deadline_rule`` for a route without a computable deadline.
NO_RULE = "none"

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --- reading ------------------------------------------------------------------------------------

def _where(path: tuple[object, ...]) -> str:
    return ".".join(str(p) for p in path)


def _read_id(reader: Reader, *path: object) -> str | None:
    """A lower-case id (letters, digits, hyphens); YAML's yes/no booleans get a hint to quote them."""
    value = reader.get(*path)
    if isinstance(value, bool):
        reader.problem(f"{_where(path)}: YAML read this as {'yes' if value else 'no'}/true/false; "
                       "quote it, e.g. \"yes\"", *path)
        return None
    text = reader.text(*path)
    if text is None:
        return None
    if not _ID.match(text):
        reader.problem(f"{_where(path)} '{text}' must be lower-case letters, digits and hyphens", *path)
        return None
    return text


def _read_condition(reader: Reader, *path: object) -> Condition | None:
    raw = reader.get(*path)
    where = _where(path)
    if isinstance(raw, dict):
        items: list[tuple[Any, tuple[object, ...]]] = [(raw, path)]
    elif isinstance(raw, list) and raw:
        items = [(item, path + (i,)) for i, item in enumerate(raw)]
    else:
        reader.problem(f"{where} must be a mapping 'question: option' (or a list of such mappings)", *path)
        return None
    clauses: list[tuple[Match, ...]] = []
    ok = True
    for item, at in items:
        if not isinstance(item, dict) or not item:
            reader.problem(f"{_where(at)} must be a non-empty mapping 'question: option'", *at)
            ok = False
            continue
        matches: list[Match] = []
        for key, value in item.items():
            if isinstance(key, bool) or not isinstance(key, str):
                reader.problem(f"{_where(at)}: a condition key must be a question id, got {key!r}", *at)
                ok = False
                continue
            values = value if isinstance(value, list) else [value]
            ids: list[str] = []
            for v in values:
                if isinstance(v, bool):
                    reader.problem(f"{_where(at)}.{key}: YAML read {'yes' if v else 'no'} as true/false; "
                                   "quote it, e.g. \"yes\"", *at, key)
                    ok = False
                elif isinstance(v, (str, int)) and str(v).strip():
                    ids.append(str(v).strip())
                else:
                    reader.problem(f"{_where(at)}.{key} must be an option id or a list of option ids", *at, key)
                    ok = False
            if ids:
                matches.append(Match(key, frozenset(ids)))
        clauses.append(tuple(matches))
    return Condition(tuple(clauses), reader.doc.line(*path)) if ok else None


def _read_next(reader: Reader, *path: object) -> tuple[Branch, ...] | None:
    raw = reader.get(*path)
    where = _where(path)
    if isinstance(raw, str) and raw.strip():
        return (Branch(raw.strip(), None, reader.doc.line(*path)),)
    if not isinstance(raw, list) or not raw:
        reader.problem(f"{where} must be a question or outcome id, '{RESULT}', or a list of "
                       "{if: condition, to: id} with a last item without 'if'", *path)
        return None
    branches: list[Branch] = []
    for i, _ in enumerate(raw):
        if reader.mapping(*path, i, allowed=("if", "to"), required=("to",)) is None:
            return None
        target = reader.text(*path, i, "to")
        condition = _read_condition(reader, *path, i, "if") if reader.get(*path, i, "if") is not None else None
        if target is None:
            return None
        branches.append(Branch(target, condition, reader.doc.line(*path, i)))
    return tuple(branches)


def _read_local(reader: Reader, *path: object, required: bool = True) -> LocalText | None:
    if reader.get(*path) is None:
        if required:
            reader.problem(f"missing {_where(path)} ({{zh: ..., en: ...}})", *path)
        return None
    return reader.local_text(*path)


def _read_citations(reader: Reader, *path: object) -> tuple[Citation, ...]:
    raw = reader.get(*path)
    if raw is None:
        return ()
    if not isinstance(raw, list):
        reader.problem(f"{_where(path)} must be a list of {{law, article, quote}}", *path)
        return ()
    citations: list[Citation] = []
    for i, _ in enumerate(raw):
        fields = ("law", "article", "quote")
        if reader.mapping(*path, i, allowed=fields, required=fields) is None:
            continue
        law = reader.text(*path, i, "law")
        quote = reader.text(*path, i, "quote")
        try:
            article = ArticleNumber.parse(reader.get(*path, i, "article"))
        except ValueError as exc:
            reader.problem(f"{_where(path)}[{i}].article: {exc} (write 20 or \"133之1\")", *path, i, "article")
            continue
        if law and quote:
            citations.append(Citation(law, article, quote, reader.doc.line(*path, i)))
    return tuple(citations)


def _read_option(reader: Reader, kind: str, *at: object) -> Option | None:
    if reader.mapping(*at, allowed=OPTION_FIELDS, required=("id", "label")) is None:
        return None
    before = len(reader.problems)
    option_id = _read_id(reader, *at, "id")
    label = _read_local(reader, *at, "label")
    next_ = _read_next(reader, *at, "next") if reader.get(*at, "next") is not None else ()
    when = _read_condition(reader, *at, "when") if reader.get(*at, "when") is not None else None
    exclusive = reader.get(*at, "exclusive")
    if exclusive is None:
        exclusive = False
    elif not isinstance(exclusive, bool):
        reader.problem(f"{_where(at)}.exclusive must be true or false", *at, "exclusive")
    if next_ and kind != "choice":
        reader.problem(f"{_where(at)}: only options of a choice question have their own 'next' "
                       f"(this question is '{kind}'); put 'next' on the question", *at, "next")
    if exclusive is True and kind != "multi":
        reader.problem(f"{_where(at)}: 'exclusive' only makes sense in a multi question", *at, "exclusive")
    if len(reader.problems) > before or option_id is None or label is None or next_ is None:
        return None
    return Option(option_id, label, next_, when, exclusive is True, reader.doc.line(*at))


def _read_question(reader: Reader, i: int) -> Question | None:
    at = ("questions", i)
    if reader.mapping(*at, allowed=QUESTION_FIELDS, required=("id", "kind", "text")) is None:
        return None
    before = len(reader.problems)
    question_id = _read_id(reader, *at, "id")
    kind = reader.get(*at, "kind")
    if kind not in QUESTION_KINDS:
        reader.problem(f"{_where(at)}.kind must be one of {', '.join(QUESTION_KINDS)}, got {kind!r}", *at, "kind")
        return None
    text = _read_local(reader, *at, "text")
    help_ = _read_local(reader, *at, "help", required=False)
    options: list[Option] = []
    raw_options = reader.get(*at, "options")
    if kind == "date":
        if raw_options is not None:
            reader.problem(f"{_where(at)}: a date question has no options", *at, "options")
    elif not isinstance(raw_options, list) or len(raw_options) < 2:
        reader.problem(f"{_where(at)}.options must list at least two options for a {kind} question",
                       *at, "options")
    else:
        seen: set[str] = set()
        for j, _ in enumerate(raw_options):
            option = _read_option(reader, kind, *at, "options", j)
            if option is None:
                continue
            if option.id in seen:
                reader.problem(f"duplicate option id '{option.id}' in question '{question_id}'",
                               *at, "options", j, "id")
            seen.add(option.id)
            options.append(option)
        if options and all(o.when is not None for o in options):
            reader.problem(f"question '{question_id}': at least one option must have no 'when', so the "
                           "question never shows an empty list", *at, "options")
    next_ = _read_next(reader, *at, "next") if reader.get(*at, "next") is not None else ()
    if len(reader.problems) > before or question_id is None or text is None or next_ is None:
        return None
    return Question(question_id, kind, text, help_, tuple(options), next_, reader.doc.line(*at))


def _read_route(reader: Reader, i: int) -> Route | None:
    at = ("routes", i)
    if reader.mapping(*at, allowed=ROUTE_FIELDS, required=REQUIRED_ROUTE_FIELDS) is None:
        return None
    before = len(reader.problems)
    route_id = _read_id(reader, *at, "id")
    name = _read_local(reader, *at, "name")
    body = _read_local(reader, *at, "body")
    cost = _read_local(reader, *at, "cost")
    bring = _read_local(reader, *at, "bring")
    entry = reader.text(*at, "entry")
    raw_rule = reader.get(*at, "deadline_rule")
    rule = None if raw_rule is None else reader.text(*at, "deadline_rule")
    if rule == NO_RULE:
        rule = None
    start = reader.text(*at, "start") if reader.get(*at, "start") is not None else None
    if rule is not None and start is None:
        reader.problem(f"route '{route_id}': a route with a deadline_rule needs 'start' (the date question "
                       "whose answer starts the deadline)", *at, "deadline_rule")
    if rule is None and start is not None:
        reader.problem(f"route '{route_id}': 'start' is only used with a deadline_rule", *at, "start")
    when = _read_condition(reader, *at, "when") if reader.get(*at, "when") is not None else None
    closed: list[ClosedIf] = []
    raw_closed = reader.get(*at, "closed_if")
    if raw_closed is not None:
        if not isinstance(raw_closed, list) or not raw_closed:
            reader.problem(f"{_where(at)}.closed_if must be a list of {{when, reason}}", *at, "closed_if")
        else:
            for j, _ in enumerate(raw_closed):
                cat = (*at, "closed_if", j)
                if reader.mapping(*cat, allowed=("when", "reason"), required=("when", "reason")) is None:
                    continue
                condition = _read_condition(reader, *cat, "when")
                reason = _read_local(reader, *cat, "reason")
                if condition is not None and reason is not None:
                    closed.append(ClosedIf(condition, reason, reader.doc.line(*cat)))
    interactions = _read_local(reader, *at, "interactions", required=False)
    citations = _read_citations(reader, *at, "citations")
    if len(reader.problems) > before or None in (route_id, name, body, cost, bring, entry):
        return None
    assert route_id and name and body and cost and bring and entry  # for the type checker
    return Route(route_id, name, body, cost, bring, entry, rule, start, when, tuple(closed), interactions,
                 citations, reader.doc.line(*at), _field_lines(reader, at, ROUTE_FIELDS))


def _read_outcome(reader: Reader, i: int) -> Outcome | None:
    at = ("outcomes", i)
    if reader.mapping(*at, allowed=OUTCOME_FIELDS, required=("id", "title", "summary", "routes")) is None:
        return None
    before = len(reader.problems)
    outcome_id = _read_id(reader, *at, "id")
    title = _read_local(reader, *at, "title")
    summary = _read_local(reader, *at, "summary")
    routes = reader.string_list(*at, "routes", min_items=1)
    when = _read_condition(reader, *at, "when") if reader.get(*at, "when") is not None else None
    see_also = reader.string_list(*at, "see_also")
    citations = _read_citations(reader, *at, "citations")
    if len(reader.problems) > before or None in (outcome_id, title, summary, routes, see_also):
        return None
    assert outcome_id and title and summary and routes is not None and see_also is not None
    return Outcome(outcome_id, title, summary, routes, when, see_also, citations, reader.doc.line(*at),
                   _field_lines(reader, at, OUTCOME_FIELDS))


def _read_emergency(reader: Reader) -> Emergency | None:
    at = ("emergency",)
    if reader.mapping(*at, allowed=EMERGENCY_FIELDS, required=EMERGENCY_FIELDS) is None:
        return None
    condition = _read_condition(reader, *at, "when")
    text = _read_local(reader, *at, "text")
    entry = reader.text(*at, "entry")
    hotlines = reader.string_list(*at, "hotlines", min_items=1)
    if condition is None or text is None or entry is None or not hotlines:
        return None
    return Emergency(condition, text, entry, hotlines, reader.doc.line(*at), _field_lines(reader, at, EMERGENCY_FIELDS))


def _field_lines(reader: Reader, at: tuple[object, ...], names: tuple[str, ...]) -> dict[str, int]:
    return {name: reader.doc.line(*at, name) for name in names if reader.get(*at, name) is not None}


def _read_list(reader: Reader, name: str) -> list[Any]:
    raw = reader.get(name)
    if not isinstance(raw, list) or not raw:
        reader.problem(f"{name} must be a non-empty list (lines starting with '- ')", name)
        return []
    return raw


def read_flow_file(path: Path) -> tuple[Flow | None, list[Problem]]:
    """Read one flow file and check its schema (not yet its references, paths and figures)."""
    reader, problems = open_mapping(path, FLOW_FIELDS, REQUIRED_FLOW_FIELDS)
    if reader is None:
        return None, problems
    flow_id = _read_id(reader, "id")
    if flow_id is not None and flow_id != path.stem:
        reader.problem(f"flow id '{flow_id}' must match the file name '{path.name}'", "id")
    title = _read_local(reader, "title")
    intro = _read_local(reader, "intro")
    start = reader.text("start")
    emergency = _read_emergency(reader) if reader.get("emergency") is not None else None

    questions: dict[str, Question] = {}
    for i, _ in enumerate(_read_list(reader, "questions")):
        question = _read_question(reader, i)
        if question is None:
            continue
        if question.id in questions:
            reader.problem(f"duplicate question id '{question.id}'", "questions", i, "id")
            continue
        questions[question.id] = question
    outcomes: list[Outcome] = []
    for i, _ in enumerate(_read_list(reader, "outcomes")):
        outcome = _read_outcome(reader, i)
        if outcome is None:
            continue
        if outcome.id in questions or any(o.id == outcome.id for o in outcomes):
            reader.problem(f"duplicate id '{outcome.id}' (question and outcome ids share one namespace)",
                           "outcomes", i, "id")
            continue
        if outcome.id == RESULT:
            reader.problem(f"'{RESULT}' is reserved; choose another outcome id", "outcomes", i, "id")
            continue
        outcomes.append(outcome)
    routes: dict[str, Route] = {}
    for i, _ in enumerate(_read_list(reader, "routes")):
        route = _read_route(reader, i)
        if route is None:
            continue
        if route.id in routes:
            reader.problem(f"duplicate route id '{route.id}'", "routes", i, "id")
            continue
        routes[route.id] = route
    if RESULT in questions:
        reader.problem(f"'{RESULT}' is reserved; choose another question id", "questions")
    problems += reader.problems
    if flow_id is None or title is None or intro is None or start is None:
        return None, problems
    return Flow(flow_id, title, intro, start, questions, tuple(outcomes), routes, emergency, str(path)), problems


# --- checking -----------------------------------------------------------------------------------

def _unknown(kind: str, value: str, known: Mapping[str, object] | set[str]) -> str:
    hint = closest(value, list(known), limit=1)
    return f"unknown {kind} '{value}'" + (f"; did you mean '{hint[0]}'?" if hint else "")


def _check_condition(flow: Flow, condition: Condition | None, what: str) -> list[Problem]:
    if condition is None:
        return []
    problems: list[Problem] = []
    for match in condition.matches():
        question = flow.questions.get(match.question)
        if question is None:
            problems.append(Problem(flow.path, condition.line,
                                    f"{what}: condition on " + _unknown("question", match.question, flow.questions)))
            continue
        if question.kind == "date":
            problems.append(Problem(flow.path, condition.line,
                                    f"{what}: a condition cannot test the date question '{question.id}'"))
            continue
        known = {o.id for o in question.options}
        for value in sorted(match.values - known):
            problems.append(Problem(flow.path, condition.line,
                                    f"{what}: question '{question.id}' has no option '{value}' "
                                    f"(options: {', '.join(sorted(known))})"))
    return problems


def _exits(question: Question) -> list[tuple[str, tuple[Branch, ...]]]:
    """Each way out of a question: (what, branches)."""
    if question.kind == "choice":
        return [(f"option '{o.id}'", o.next or question.next) for o in question.options]
    return [("question", question.next)]


def _check_paths(flow: Flow) -> list[Problem]:
    """Targets exist, defaults come last, every path ends at an outcome, nothing is unreachable."""
    problems: list[Problem] = []
    outcome_ids = {o.id for o in flow.outcomes}
    if flow.start not in flow.questions:
        return [Problem(flow.path, 1, "start: " + _unknown("question", flow.start, flow.questions))]
    for question in flow.questions.values():
        for what, branches in _exits(question):
            if not branches:
                problems.append(Problem(flow.path, question.line,
                                        f"question '{question.id}', {what}: no 'next' (where does the "
                                        "interview go after it?)"))
                continue
            for k, branch in enumerate(branches):
                if branch.target not in flow.questions and branch.target not in outcome_ids \
                        and branch.target != RESULT:
                    known = set(flow.questions) | outcome_ids | {RESULT}
                    problems.append(Problem(flow.path, branch.line, f"question '{question.id}': next target "
                                            + _unknown("question or outcome", branch.target, known)))
                is_last = k == len(branches) - 1
                if is_last and branch.condition is not None:
                    problems.append(Problem(flow.path, branch.line,
                                            f"question '{question.id}': the last 'next' branch must have no "
                                            "'if' (the default), so every path goes on"))
                if not is_last and branch.condition is None:
                    problems.append(Problem(flow.path, branch.line,
                                            f"question '{question.id}': a 'next' branch without 'if' must be "
                                            "the last (the ones after it are never taken)"))
                problems += _check_condition(flow, branch.condition, f"question '{question.id}' next")
        for option in question.options:
            problems += _check_condition(flow, option.when, f"question '{question.id}', option '{option.id}'")

    # depth-first search from the start: grey = on the current path, so meeting one again is a cycle
    colour: dict[str, int] = {}
    reached: set[str] = set()
    cycles: list[Problem] = []

    def visit(node: str, trail: list[str]) -> None:
        colour[node] = 1
        question = flow.questions[node]
        for _, branches in _exits(question):
            for branch in branches:
                target = branch.target
                if target in flow.questions:
                    if colour.get(target) == 1:
                        loop = trail[trail.index(target):] + [node, target] if target in trail else [node, target]
                        cycles.append(Problem(flow.path, branch.line,
                                              "the interview can go round in a circle: " + " → ".join(loop)))
                    elif target not in colour:
                        visit(target, trail + [node])
                else:
                    reached.add(target)
        colour[node] = 2

    visit(flow.start, [])
    problems += cycles
    for question in flow.questions.values():
        if question.id not in colour:
            problems.append(Problem(flow.path, question.line,
                                    f"question '{question.id}' is never asked (no path from '{flow.start}' leads to it)"))

    fallback = next((i for i, o in enumerate(flow.outcomes) if o.when is None), None)
    if RESULT in reached:
        if fallback is None:
            problems.append(Problem(flow.path, flow.outcomes[-1].line if flow.outcomes else 1,
                                    f"'{RESULT}' is used, so the last outcome must have no 'when' (the fallback "
                                    "when no other outcome matches)"))
        else:
            reached |= {o.id for o in flow.outcomes[:fallback + 1]}
    for i, outcome in enumerate(flow.outcomes):
        if fallback is not None and i > fallback and RESULT in reached and outcome.id not in reached:
            problems.append(Problem(flow.path, outcome.line,
                                    f"outcome '{outcome.id}' comes after '{flow.outcomes[fallback].id}', which has "
                                    f"no 'when', so '{RESULT}' never chooses it"))
        elif outcome.id not in reached:
            problems.append(Problem(flow.path, outcome.line, f"outcome '{outcome.id}' is never reached"))
        problems += _check_condition(flow, outcome.when, f"outcome '{outcome.id}'")
    return problems


def _figures(text: LocalText) -> tuple[set[Figure], set[Figure]]:
    return figures_in(text.zh), figures_in(text.en)


def _figure_problems(flow: Flow, line: int, what: str, texts: list[LocalText],
                     backing: list[Citation]) -> list[Problem]:
    """Every figure stated must be in a quote; both languages must state the same figures."""
    problems: list[Problem] = []
    backed: set[Figure] = set()
    for citation in backing:
        backed |= figures_in(citation.quote or "")
    stated: set[Figure] = set()
    for text in texts:
        zh, en = _figures(text)
        stated |= zh | en
        if zh != en:
            only_zh = ", ".join(str(f) for f in sorted(zh - en)) or "-"
            only_en = ", ".join(str(f) for f in sorted(en - zh)) or "-"
            problems.append(Problem(flow.path, line, f"{what}: zh and en state different figures "
                                    f"(only in zh: {only_zh}; only in en: {only_en})"))
    missing = stated - backed
    if missing:
        listed = ", ".join(str(f) for f in sorted(missing))
        hint = ("add a citation with a verbatim quote that contains them, or leave the figure to the entry "
                "and the deadline calculator" if backing or what.startswith(("route", "outcome"))
                else "questions and options state no figures: put them in a route with a citation")
        problems.append(Problem(flow.path, line, f"{what}: figures stated without a verbatim quote that "
                                f"contains them: {listed} ({hint})"))
    return problems


def check_flow(flow: Flow, *, entries: Mapping[str, Entry] | None, rules: Mapping[str, DeadlineRule] | None,
               laws: Mapping[str, Law] | None, hotlines: Mapping[str, Hotline] | None) -> list[Problem]:
    """Every cross-reference, path and figure problem of one flow.

    ``entries``, ``rules``, ``laws`` or ``hotlines`` may be None when they could not be loaded
    (their own problems are reported elsewhere); the checks that need them are then skipped.
    """
    problems = _check_paths(flow)

    def entry_exists(entry_id: str, line: int, what: str) -> None:
        if entries is not None and entry_id not in entries:
            problems.append(Problem(flow.path, line, f"{what}: " + _unknown("knowledge-base entry", entry_id, entries)))

    used: set[str] = set()
    for outcome in flow.outcomes:
        seen: set[str] = set()
        for route_id in outcome.routes:
            if route_id not in flow.routes:
                problems.append(Problem(flow.path, outcome.line_of("routes"),
                                        f"outcome '{outcome.id}': " + _unknown("route", route_id, flow.routes)))
            if route_id in seen:
                problems.append(Problem(flow.path, outcome.line_of("routes"),
                                        f"outcome '{outcome.id}' lists route '{route_id}' twice"))
            seen.add(route_id)
        used |= seen
        for entry_id in outcome.see_also:
            entry_exists(entry_id, outcome.line_of("see_also"), f"outcome '{outcome.id}' see_also")
        problems += _figure_problems(flow, outcome.line, f"outcome '{outcome.id}'",
                                     [outcome.title, outcome.summary], list(outcome.citations))

    date_questions = {q.id for q in flow.questions.values() if q.kind == "date"}
    for route in flow.routes.values():
        what = f"route '{route.id}'"
        if route.id not in used:
            problems.append(Problem(flow.path, route.line, f"{what} is not listed by any outcome, so it is never shown"))
        entry_exists(route.entry, route.line_of("entry"), what)
        rule = None
        if route.deadline_rule is not None and rules is not None:
            rule = rules.get(route.deadline_rule)
            if rule is None:
                problems.append(Problem(flow.path, route.line_of("deadline_rule"), f"{what}: " + _unknown(
                    "deadline rule", route.deadline_rule, rules) + " (see rightsbot deadline --list, or write none)"))
            elif rule.actor != "you":
                problems.append(Problem(flow.path, route.line_of("deadline_rule"),
                                        f"{what}: deadline rule '{rule.id}' is a deadline for the {rule.actor}, not "
                                        "for the person; a route's deadline is the last day to take that route"))
        if route.start is not None and route.start not in date_questions:
            problems.append(Problem(flow.path, route.line_of("start"),
                                    f"{what}: start '{route.start}' must be a date question "
                                    f"(date questions: {', '.join(sorted(date_questions)) or 'none'})"))
        problems += _check_condition(flow, route.when, what)
        for closed in route.closed_if:
            problems += _check_condition(flow, closed.condition, f"{what} closed_if")
        texts = [route.name, route.body, route.cost, route.bring] + [c.reason for c in route.closed_if]
        if route.interactions is not None:
            texts.append(route.interactions)
        backing = list(route.citations) + (list(rule.citations) if rule is not None else [])
        problems += _figure_problems(flow, route.line, what, texts, backing)

    citations = [c for o in flow.outcomes for c in o.citations] + [c for r in flow.routes.values() for c in r.citations]
    if laws is not None:
        for citation in citations:
            problems += check_citation(citation, laws, flow.path)

    problems += _figure_problems(flow, 1, "title/intro", [flow.title, flow.intro], [])
    for question in flow.questions.values():
        texts = [question.text] + ([question.help] if question.help else []) + [o.label for o in question.options]
        problems += _figure_problems(flow, question.line, f"question '{question.id}'", texts, [])

    if flow.emergency is not None:
        emergency = flow.emergency
        entry_exists(emergency.entry, emergency.line_of("entry"), "emergency")
        if hotlines is not None:
            for number in emergency.hotlines:
                if number not in hotlines:
                    problems.append(Problem(flow.path, emergency.line_of("hotlines"),
                                            f"emergency: hotline '{number}' is not in hotlines.yaml"))
        problems += _check_condition(flow, emergency.condition, "emergency")
        problems += _figure_problems(flow, emergency.line, "emergency", [emergency.text], [])
    return problems


# --- a content folder ---------------------------------------------------------------------------

def read_flows(root: Path, *, entries: Mapping[str, Entry] | None, rules: Mapping[str, DeadlineRule] | None,
               laws: Mapping[str, Law] | None, hotlines: Mapping[str, Hotline] | None
               ) -> tuple[dict[str, Flow], list[Problem]]:
    """Read and fully check every flow in ``root/flows``; flows by id, in file order."""
    folder = Path(root) / "flows"
    if not folder.is_dir():
        return {}, [Problem(str(folder), 0, "flow folder not found")]
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        return {}, [Problem(str(folder), 0, "no flow files (flows/<id>.yaml)")]
    flows: dict[str, Flow] = {}
    problems: list[Problem] = []
    for path in files:
        flow, found = read_flow_file(path)
        problems += found
        if flow is None:
            continue
        if flow.id in flows:
            problems.append(Problem(str(path), 1, f"duplicate flow id '{flow.id}' (also in {flows[flow.id].path})"))
            continue
        flows[flow.id] = flow
        problems += check_flow(flow, entries=entries, rules=rules, laws=laws, hotlines=hotlines)
    return flows, sorted(set(problems))


def check_flow_content(root: Path, kb: KnowledgeBase | None = None) -> tuple[int, list[Problem]]:
    """For ``rightsbot validate``: the number of flows and every problem in ``root/flows``.

    A content folder without ``flows/`` (a small test or topic-only pack) has none and no
    problems. Problems of the deadline rules themselves are not repeated here (``validate``
    reports them from the deadline checks).
    """
    root = Path(root)
    if not (root / "flows").exists():
        return 0, []
    laws: Mapping[str, Law] | None = kb.laws if kb is not None else None
    if laws is None and (root / "laws").is_dir():
        laws = load_laws(root / "laws")[0]
    rules: Mapping[str, DeadlineRule] = {}
    if (root / "deadlines").is_dir():
        rules = read_rules(root / "deadlines", laws or {})[0]
    flows, problems = read_flows(root, entries=kb.entries if kb is not None else None, rules=rules,
                                 laws=laws, hotlines=kb.hotlines if kb is not None else None)
    return len(flows), problems


def load_flows(root: Path, kb: KnowledgeBase, rules: Mapping[str, DeadlineRule]) -> dict[str, Flow]:
    """The flows of ``root``, checked against ``kb`` and ``rules``; raises ContentError listing every problem."""
    flows, problems = read_flows(root, entries=kb.entries, rules=rules, laws=kb.laws, hotlines=kb.hotlines)
    if problems:
        raise ContentError(problems)
    return flows
