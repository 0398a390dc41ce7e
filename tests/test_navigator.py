"""The navigator core: the shipped flow, every path through it, its validation, its rendering.

Paths are enumerated programmatically (every visible option of every choice, every allowed
combination of every multi question), so a new question or option is covered without
editing this file. "Today" is fixed, so deadlines and their open/closed state are stable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from rightsbot.core.errors import ContentError, Problem
from rightsbot.core.figures import figures_in
from rightsbot.core.loader import default_content_dir, load_content
from rightsbot.deadlines import compute, load_deadline_content
from rightsbot.navigator import AnswerError, Ask, Navigator, Result, State, load_navigator, result_json, result_text
from rightsbot.navigator import engine as engine_module
from rightsbot.navigator.flows import check_flow_content, read_flows
from rightsbot.navigator.render import ask_text
from rightsbot.navigator.strings import STRINGS

CONTENT = default_content_dir()
FLOW_FILE = CONTENT / "flows" / "triage.yaml"
TODAY = dt.date(2026, 6, 1)
RECENT = "2026-05-20"
OLD = "2020-01-06"


@pytest.fixture(scope="module")
def nav() -> Navigator:
    return load_navigator(CONTENT, today=TODAY)


# --- walking every path ------------------------------------------------------------------------

def _values(ask: Ask, date: str) -> list[object]:
    """Every answer worth trying: each option, each allowed set of options, one date."""
    question = ask.question
    if question.kind == "choice":
        return [o.id for o in ask.options]
    if question.kind == "date":
        return [date]
    combos: list[object] = []
    for size in range(1, len(ask.options) + 1):
        for combo in itertools.combinations(ask.options, size):
            if size > 1 and any(o.exclusive for o in combo):
                continue
            combos.append(tuple(o.id for o in combo))
    return combos


def all_results(nav: Navigator, date: str) -> Iterator[Result]:
    """The result of every complete interview, every date question answered with ``date``."""
    stack = [nav.start()]
    while stack:
        ask = stack.pop()
        assert ask.options or ask.question.kind == "date", f"question '{ask.question.id}' shows no options"
        for value in _values(ask, date):
            step = nav.answer(ask.state, value)
            if isinstance(step, Result):
                yield step
            else:
                assert step.number == len(step.state.answers) + 1
                assert step.question.id not in dict(step.state.answers), "a question was asked twice"
                stack.append(step)


@pytest.fixture(scope="module")
def recent_results(nav: Navigator) -> list[Result]:
    return list(all_results(nav, RECENT))


@pytest.fixture(scope="module")
def old_results(nav: Navigator) -> list[Result]:
    return list(all_results(nav, OLD))


def run(nav: Navigator, *answers: object) -> Ask | Result:
    step: Ask | Result = nav.start()
    for value in answers:
        assert isinstance(step, Ask), f"the interview ended before the answer {value!r}"
        step = nav.answer(step.state, value)
    return step


def finish(nav: Navigator, *answers: object) -> Result:
    step = run(nav, *answers)
    assert isinstance(step, Result), f"still asking '{step.question.id}'"
    return step


def route_ids(routes) -> list[str]:
    return [r.route.id for r in routes]


def test_every_path_reaches_a_result(recent_results: list[Result], nav: Navigator) -> None:
    assert len(recent_results) > 100
    reached = {r.outcome.id for r in recent_results}
    assert reached == {o.id for o in nav.flow.outcomes}, "some outcome is never reached"
    for result in recent_results:
        assert result.routes, f"outcome '{result.outcome.id}' shows no route"
        assert result.state.current == "result"


def test_every_route_is_shown_on_some_path(recent_results: list[Result], nav: Navigator) -> None:
    shown = {r.route.id for result in recent_results for r in result.routes}
    assert shown == set(nav.flow.routes)


def test_every_route_and_link_exists_in_the_knowledge_base(recent_results: list[Result], nav: Navigator) -> None:
    kb = nav.kb
    for route in nav.flow.routes.values():
        assert route.entry in kb.entries, route.id
    for outcome in nav.flow.outcomes:
        assert all(entry in kb.entries for entry in outcome.see_also), outcome.id
    for result in recent_results:
        for found in result.routes:
            assert found.entry_title == kb.entries[found.route.entry].title
        for entry_id, title in result.see_also:
            assert kb.entries[entry_id].title == title


def test_every_open_route_with_a_rule_has_its_deadline(recent_results: list[Result]) -> None:
    """The date a route's deadline starts from is asked on every path that shows the route."""
    for result in recent_results:
        for found in result.open:
            if found.route.deadline_rule is not None:
                assert found.deadline is not None, (result.outcome.id, found.route.id)
                assert found.deadline.rule.id == found.route.deadline_rule
                assert found.start is not None and found.days_left is not None


def test_every_result_renders_in_both_languages(recent_results: list[Result]) -> None:
    for result in recent_results[::7]:
        for lang in ("zh", "en"):
            text = result_text(result, lang)
            assert "12348" in text and result.outcome.title.get(lang) in text
        data = result_json(result)
        assert {r["id"] for r in data["open"] + data["closed"]} == {r.route.id for r in result.routes}


def test_deadline_shown_is_the_calculator_s(nav: Navigator) -> None:
    deadlines = load_deadline_content(CONTENT)
    result = finish(nav, "no", "work", "employer", "2026-03-02", "nothing")
    arbitration = next(r for r in result.open if r.route.id == "labour-arbitration")
    expected = compute(deadlines.rules["labor.arbitration"], dt.date(2026, 3, 2), deadlines.calendar)
    assert arbitration.deadline == expected
    assert arbitration.days_left == (expected.deadline - TODAY).days
    text = result_text(result, "en")
    assert f"last day {expected.deadline.isoformat()}" in text
    assert "rightsbot deadline labor.arbitration --from 2026-03-02" in text


def test_deadline_hand_checked_across_a_holiday(nav: Navigator) -> None:
    """60 days from 2026-03-02 is 2026-05-01, inside the May Day break (1–5 May): moved to 6 May."""
    result = finish(nav, "no", "gov-decision", "2026-03-02", "nothing")
    found = {r.route.id: r for r in result.routes}
    recon = found["admin-reconsideration"]
    assert recon.status == "deadline-passed"
    assert recon.deadline is not None and recon.deadline.deadline == dt.date(2026, 5, 6)
    lawsuit = found["admin-lawsuit"]  # six months: 2026-09-02, a Wednesday
    assert lawsuit.status == "open" and lawsuit.deadline is not None
    assert lawsuit.deadline.deadline == dt.date(2026, 9, 2) and lawsuit.days_left == 93


# --- what the result says ----------------------------------------------------------------------

def test_danger_leads_with_the_emergency(nav: Navigator) -> None:
    after_yes = run(nav, "yes")
    assert isinstance(after_yes, Ask) and after_yes.emergency is not None
    result = finish(nav, "yes", "work", "employer", RECENT, "nothing")
    assert result.emergency is not None
    assert [n for n, _ in result.emergency.hotlines] == ["110", "120", "119", "12356"]
    for lang in ("zh", "en"):
        text = result_text(result, lang)
        first_route = text.index("1. " + result.open[0].route.name.get(lang))
        assert text.index("!! ") < text.index(result.outcome.summary.get(lang)) < first_route
        assert text.index("110") < first_route and "rightsbot show safety.emergency" in text
    assert result_json(result)["emergency"]["entry"]["id"] == "safety.emergency"


def test_no_danger_no_emergency(nav: Navigator, recent_results: list[Result]) -> None:
    for result in recent_results:
        danger = result.state.as_dict()["danger"]
        assert (result.emergency is not None) == (danger == "yes")
    assert "!!" not in result_text(finish(nav, "no", "consumer", RECENT, "nothing"), "zh")


def test_old_date_lists_routes_as_probably_closed_never_lost(nav: Navigator) -> None:
    result = finish(nav, "no", "gov-decision", OLD, "petitioned")
    closed = {r.route.id: r for r in result.closed}
    for route_id in ("admin-reconsideration", "admin-lawsuit", "state-compensation"):
        assert closed[route_id].status == "deadline-passed"
    assert route_ids(result.open) == ["petition"]
    reason = closed["admin-reconsideration"].reason
    assert reason is not None
    assert "可能" in reason.zh and "例外" in reason.zh and "12348" in reason.zh
    assert "probably" in reason.en and "exceptions" in reason.en and "12348" in reason.en
    for lang in ("zh", "en"):
        text = result_text(result, lang).casefold()
        assert "definitely" not in text and "肯定" not in text and "已经丧失" not in text


def test_every_old_deadline_is_probably_closed(old_results: list[Result]) -> None:
    for result in old_results:
        for found in result.routes:
            if found.deadline is not None:
                assert found.status == "deadline-passed", found.route.id
                assert found.reason is not None and "12348" in found.reason.zh


def test_reconsideration_decision_opens_the_15_day_suit(nav: Navigator) -> None:
    result = finish(nav, "no", "gov-decision", "2026-04-01", "recon-decision", "2026-05-25")
    assert route_ids(result.open)[0] == "sue-after-reconsideration"
    suit = result.open[0]
    assert suit.start == dt.date(2026, 5, 25) and suit.deadline is not None
    assert suit.deadline.rule.id == "admin-litigation.after-reconsideration"
    closed = {r.route.id: r for r in result.closed}
    assert closed["admin-reconsideration"].status == "closed"
    assert closed["admin-lawsuit"].status == "closed"
    interactions = result_text(result, "en")
    assert "within 15 days of receiving it" in interactions  # after reconsideration you can still sue


def test_pending_reconsideration_blocks_the_lawsuit(nav: Navigator) -> None:
    result = finish(nav, "no", "gov-decision", RECENT, "reconsideration")
    closed = {r.route.id: r for r in result.closed}
    assert closed["admin-lawsuit"].reason is not None
    assert "不得向法院起诉" in closed["admin-lawsuit"].reason.zh


def test_labour_goes_to_arbitration_before_court(nav: Navigator) -> None:
    result = finish(nav, "no", "work", "employer", RECENT, "nothing")
    assert route_ids(result.open)[0] == "labour-arbitration"
    assert "sue-after-award" not in route_ids(result.routes)
    text = result_text(result, "en")
    assert "goes to arbitration first" in text
    award = finish(nav, "no", "work", "employer", RECENT, "award", "2026-05-28")
    assert route_ids(award.open)[0] == "sue-after-award"
    assert "labour-arbitration" in route_ids(award.closed)


def test_petition_says_it_does_not_replace_legal_routes(nav: Navigator) -> None:
    result = finish(nav, "no", "gov-decision", RECENT, "petitioned")
    petition = next(r for r in result.routes if r.route.id == "petition")
    assert petition.route.interactions is not None
    assert "诉访分离" in petition.route.interactions.zh
    assert "does not stop the deadlines" in petition.route.interactions.en
    assert route_ids(result.open)[-1] == "petition"


def test_petition_reply_asks_its_date_and_opens_the_review(nav: Navigator) -> None:
    step = run(nav, "no", "consumer", RECENT, "petitioned,petition-reply")
    assert isinstance(step, Ask) and step.question.id == "reply-date"
    result = nav.answer(step.state, "2026-05-28")
    assert isinstance(result, Result)
    review = next(r for r in result.open if r.route.id == "petition-review")
    assert review.deadline is not None and review.deadline.deadline == dt.date(2026, 6, 29)


def test_family_violence_is_short_and_safety_first(nav: Navigator) -> None:
    result = finish(nav, "yes", "family-violence")
    assert len(result.state.answers) == 2
    assert route_ids(result.open) == ["dv-police", "protection-order", "dv-support"]
    assert result.emergency is not None


def test_options_follow_the_situation(nav: Navigator) -> None:
    step = run(nav, "no", "land")
    assert isinstance(step, Ask) and step.question.id == "other-side"
    assert [o.id for o in step.options] == ["government", "collective", "villager", "unsure"]
    step = run(nav, "no", "gov-decision", RECENT)
    assert isinstance(step, Ask) and step.question.id == "done"
    ids = [o.id for o in step.options]
    assert "recon-decision" in ids and "award" not in ids and "appealed" not in ids


# --- answers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("answers", "value", "zh", "en"), [
    ((), "7", "1 到 2", "from 1 to 2"),
    ((), "maybe", "不是这一题的选项", "not one of the choices"),
    ((), "1,2", "只能选一项", "only one"),
    (("no", "gov-decision"), "2026-02-30", "不存在", "does not exist"),
    (("no", "gov-decision"), "2026-13-01", "月份", "month"),
    (("no", "gov-decision"), "next tuesday", "不是日期", "is not a date"),
    (("no", "gov-decision"), "2026-07-01", "在今天", "after today"),
    (("no", "gov-decision"), "1989-12-31", "太早", "too early"),
    (("no", "gov-decision", RECENT), "1,2", "不能和其他选项同时选", "cannot be chosen together"),
    (("no", "gov-decision", RECENT), " , ", "至少选一项", "at least one"),
    (("no", "gov-decision", RECENT), "2,99", "1 到 6", "from 1 to 6"),
])
def test_bad_answers_get_a_clear_message_and_change_nothing(nav: Navigator, answers, value, zh, en) -> None:
    step = run(nav, *answers)
    assert isinstance(step, Ask)
    with pytest.raises(AnswerError) as caught:
        nav.answer(step.state, value)
    assert zh in caught.value.message.zh and en in caught.value.message.en
    assert nav.ask(step.state) == step  # the state is still usable: ask again


@pytest.mark.parametrize(("value", "expected"), [
    ("2", "no"), ("２", "no"), ("no", "no"), (" NO ", "no"), ("没有", "no"), (False, "no"), (2, "no"),
    (["2"], "no"), (True, "yes"),
])
def test_choice_accepts_numbers_ids_and_labels(nav: Navigator, value, expected) -> None:
    assert nav.parse(nav.start(), value) == expected


def test_multi_accepts_lists_and_separators(nav: Navigator) -> None:
    ask = run(nav, "no", "gov-decision", RECENT)
    assert isinstance(ask, Ask)
    assert nav.parse(ask, "3，2") == ("petitioned", "petition-reply")
    assert nav.parse(ask, "petitioned、reconsideration") == ("petitioned", "reconsideration")
    assert nav.parse(ask, ["petitioned", 2]) == ("petitioned",)
    assert nav.parse(ask, "1") == ("nothing",)


def test_dates_accept_date_objects_and_full_width_digits(nav: Navigator) -> None:
    ask = run(nav, "no", "gov-decision")
    assert isinstance(ask, Ask)
    assert nav.parse(ask, dt.date(2026, 5, 1)) == dt.date(2026, 5, 1)
    assert nav.parse(ask, "２０２６-０５-０１") == dt.date(2026, 5, 1)
    assert nav.parse(ask, str(TODAY)) == TODAY


def test_back_forgets_the_last_answer(nav: Navigator) -> None:
    step = run(nav, "no", "work", "employer")
    assert isinstance(step, Ask) and step.question.id == "learned"
    back = nav.back(step.state)
    assert back.question.id == "other-side" and back.state.answers == (("danger", "no"), ("situation", "work"))
    assert nav.back(nav.start().state).question.id == "danger"
    result = finish(nav, "yes", "family-violence")
    assert nav.back(result.state).question.id == "situation"
    with pytest.raises(ValueError, match="no question 'result'"):
        nav.answer(result.state, "1")  # a finished interview takes no more answers


def test_the_engine_keeps_no_answers(nav: Navigator) -> None:
    """Answers live only in the State the caller holds: the navigator and the module hold nothing."""
    before = {name: repr(value) for name, value in vars(engine_module).items()}
    fields_before = [getattr(nav, f.name) for f in dataclasses.fields(nav)]
    finish(nav, "yes", "gov-decision", "2026-05-11", "petitioned,petition-reply", "2026-05-12")
    assert {name: repr(value) for name, value in vars(engine_module).items()} == before
    assert all(a is b for a, b in zip(fields_before, [getattr(nav, f.name) for f in dataclasses.fields(nav)]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        nav.today = TODAY  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        State("danger").current = "x"  # type: ignore[misc]
    assert "2026-05-11" not in repr(nav)


# --- the shipped flow validates; broken flows are reported with file and line ------------------

def test_shipped_flow_validates() -> None:
    kb = load_content(CONTENT)
    count, problems = check_flow_content(CONTENT, kb)
    assert problems == [] and count == 1


def test_flow_texts_state_no_unbacked_figures(nav: Navigator) -> None:
    """Questions and options state no figures; routes state only what their quotes back."""
    for question in nav.flow.questions.values():
        texts = [question.text] + ([question.help] if question.help else []) + [o.label for o in question.options]
        for text in texts:
            assert not figures_in(text.zh) and not figures_in(text.en), question.id


@pytest.fixture(scope="module")
def refs() -> dict:
    kb = load_content(CONTENT)
    return {"entries": kb.entries, "rules": load_deadline_content(CONTENT).rules, "laws": kb.laws,
            "hotlines": kb.hotlines}


def _line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def flow_problems(tmp_path: Path, refs: dict, text: str) -> list[Problem]:
    (tmp_path / "flows").mkdir(exist_ok=True)
    (tmp_path / "flows" / "triage.yaml").write_text(text, encoding="utf-8")
    return read_flows(tmp_path, **refs)[1]


SHIPPED = FLOW_FILE.read_text(encoding="utf-8")

BROKEN = [
    # (what to replace, its replacement, the line to blame (a needle in the new text), message)
    ("        label: {zh: \"没有\", en: \"No\"}\n    next: situation\n",
     "        label: {zh: \"没有\", en: \"No\"}\n    nxt: situation\n", "nxt: situation", "unknown field 'nxt'"),
    ("next: judgment-kind", "next: judgement-kind", "next: judgement-kind",
     "unknown question or outcome 'judgement-kind'; did you mean 'judgment-kind'?"),
    ("        to: reply-date\n      - to: result\n\n  - id: award-date", "        to: reply-date\n      - to: danger\n\n"
     "  - id: award-date", "to: danger", "go round in a circle"),
    ("entry: labor.arbitration\n    deadline_rule: labor.arbitration",
     "entry: labor.arbitrashun\n    deadline_rule: labor.arbitration", "entry: labor.arbitrashun",
     "unknown knowledge-base entry 'labor.arbitrashun'"),
    ("deadline_rule: civil.limitation", "deadline_rule: civil.limitaton", "deadline_rule: civil.limitaton",
     "unknown deadline rule 'civil.limitaton'"),
    ("deadline_rule: petition.review", "deadline_rule: petition.handling", "deadline_rule: petition.handling",
     "is a deadline for the authority"),
    ("      zh: \"书面材料：姓名", "      zh: \"60日内交书面材料：姓名", "- id: petition\n", "figures stated without a verbatim quote"),
    ("起诉；但法院已经受理的", "起诉，起诉期限六个月；但法院已经受理的", "- id: admin-lawsuit", "zh and en state different figures"),
    ("      - id: \"yes\"\n", "      - id: yes\n", "- id: yes", "quote it"),
    ("when: {situation: [land, other]}", "when: {situation: [land, othr]}", "when: {situation: [land, othr]}",
     "has no option 'othr'"),
    ("    next: situation\n", "    next: learned\n", "  - id: situation", "question 'situation' is never asked"),
    ("start: decision-date", "start: situation", "start: situation", "must be a date question"),
    ("quote: \"劳动争议仲裁不收费。\"", "quote: \"劳动争议仲裁一律不收费。\"", "劳动争议仲裁一律不收费", "quote is not verbatim"),
    ("      - to: result\n\n  - id: decision-date", "      - if: {done: nothing}\n        to: result\n\n  - id: decision-date",
     "if: {done: nothing}", "the last 'next' branch must have no 'if'"),
    ("  - id: not-sure\n", "  - id: not-sure\n    when: {situation: other}\n", "- id: not-sure",
     "the last outcome must have no 'when'"),
    ("    routes: [legal-aid, petition-review, petition]\n    see_also: [general.which-channel]",
     "    routes: [legal-aid, petition-review, petition, no-such-route]\n    see_also: [general.which-channel]",
     "no-such-route]", "unknown route 'no-such-route'"),
    ("kind: multi", "kind: multiple", "kind: multiple", "kind must be one of choice, date, multi"),
    ("    text:\n      zh: \"你已经做过哪些事？可以选多项。\"\n      en: \"What have you already done? Choose all that apply.\"\n",
     "    text:\n      zh: \"你已经做过哪些事？可以选多项。\"\n", "text:\n      zh: \"你已经做过哪些事", ".text.en"),
]


@pytest.mark.parametrize(("old", "new", "needle", "message"), BROKEN, ids=[b[3][:40] for b in BROKEN])
def test_broken_flow_is_reported_with_file_and_line(tmp_path: Path, refs: dict, old: str, new: str,
                                                     needle: str, message: str) -> None:
    assert SHIPPED.count(old) == 1, f"the test's anchor is not unique in the shipped flow: {old!r}"
    text = SHIPPED.replace(old, new)
    problems = flow_problems(tmp_path, refs, text)
    expected_line = _line_of(text, needle)
    matching = [p for p in problems if message in p.message]
    assert matching, "\n".join(str(p) for p in problems)
    assert any(p.line == expected_line for p in matching), "\n".join(str(p) for p in matching)
    assert all(p.path.endswith("triage.yaml") for p in matching)


def test_invalid_yaml_names_file_and_line(tmp_path: Path, refs: dict) -> None:
    text = SHIPPED.replace("start: danger\n", "start: [danger\n")
    problems = flow_problems(tmp_path, refs, text)
    assert len(problems) == 1 and "invalid YAML" in problems[0].message and problems[0].line > 1


def test_flow_id_must_match_the_file(tmp_path: Path, refs: dict) -> None:
    problems = flow_problems(tmp_path, refs, SHIPPED.replace("id: triage\n", "id: triaj\n", 1))
    assert any("must match the file name" in p.message for p in problems)


def test_broken_flow_stops_the_navigator(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root, ignore=shutil.ignore_patterns("flows"))
    (root / "flows").mkdir()
    (root / "flows" / "triage.yaml").write_text(SHIPPED.replace("next: judgment-kind", "next: nowhere"),
                                                encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_navigator(root, today=TODAY)
    assert "triage.yaml" in str(caught.value) and "nowhere" in str(caught.value)


# --- deterministic rendering, zh and en ----------------------------------------------------------

MINI_FLOW = """\
id: triage
title: {zh: "测试指引", en: "Test guide"}
intro: {zh: "测试。", en: "A test."}
start: danger
emergency:
  when: {danger: "yes"}
  text: {zh: "先求救。", en: "Call for help first."}
  entry: safety.emergency
  hotlines: ["110", "120"]
questions:
  - id: danger
    kind: choice
    text: {zh: "有危险吗？", en: "Any danger?"}
    options:
      - {id: "yes", label: {zh: "有", en: "Yes"}}
      - {id: "no", label: {zh: "没有", en: "No"}}
    next: learned
  - id: learned
    kind: date
    text: {zh: "哪天知道的？", en: "When did you learn of it?"}
    next: done
  - id: done
    kind: multi
    text: {zh: "做过什么？", en: "What have you done?"}
    options:
      - {id: nothing, label: {zh: "没有", en: "Nothing"}, exclusive: true}
      - {id: decided, label: {zh: "有复议决定", en: "Got a decision"}}
    next: result
outcomes:
  - id: only
    title: {zh: "不服决定", en: "A decision"}
    summary: {zh: "两条路。", en: "Two routes."}
    routes: [recon, lawsuit, petition]
    see_also: [general.which-channel]
routes:
  - id: recon
    name: {zh: "复议", en: "Reconsideration"}
    body: {zh: "复议机关。", en: "The reconsideration body."}
    cost: {zh: "免费。", en: "Free."}
    bring: {zh: "决定书。", en: "The decision."}
    entry: admin-reconsideration.how
    deadline_rule: admin-reconsideration.apply
    start: learned
    closed_if:
      - when: {done: decided}
        reason: {zh: "已经复议过。", en: "Already decided."}
    interactions: {zh: "受理后不能起诉。", en: "No lawsuit once accepted."}
    citations:
      - {law: administrative-reconsideration-law, article: 29, quote: "在行政复议期间不得向人民法院提起行政诉讼"}
  - id: lawsuit
    name: {zh: "起诉", en: "Lawsuit"}
    body: {zh: "法院。", en: "The court."}
    cost: {zh: "每件50元。", en: "50 yuan per case."}
    bring: {zh: "起诉状。", en: "A complaint."}
    entry: admin-litigation.filing
    deadline_rule: admin-litigation.sue
    start: learned
    citations:
      - {law: litigation-fees-measures, article: 13, quote: "2．其他行政案件每件交纳50元。"}
  - id: petition
    name: {zh: "信访", en: "Petition"}
    body: {zh: "信访部门。", en: "The petition office."}
    cost: {zh: "不收费。", en: "No fee."}
    bring: {zh: "材料。", en: "Papers."}
    entry: petition.filing
    deadline_rule: none
"""

EXPECTED_ZH = """\
指引结果：不服决定
==================

!! 先保安全 !!
先求救。
  110  报警电话
  120  急救电话
详细阅读：{emergency}（rightsbot show safety.emergency）

两条路。

可以走的途径（按建议的顺序）
----------------------------
1. 起诉
   找谁：法院。
   期限：最后一日 2026-09-02（星期三），还剩 93 天。
     从你给的日期 2026-03-02 算起（起算日：你知道或者应当知道作出行政行为之日）。
     注意：法律另有规定的除外。因不动产起诉的，自行政行为作出之日起超过二十年，其他案件超过五年，法院不予受理。
     计算过程：rightsbot deadline admin-litigation.sue --from 2026-03-02
   费用：每件50元。
   带什么：起诉状。
   依据：《诉讼费用交纳办法》第十三条；《中华人民共和国行政诉讼法》第四十六条
   详细阅读：{filing}（rightsbot show admin-litigation.filing）

2. 信访
   找谁：信访部门。
   期限：这里不计算，详见条目。
   费用：不收费。
   带什么：材料。
   详细阅读：{petition}（rightsbot show petition.filing）

可能已经关闭或暂时不适用的途径
------------------------------
- 复议
  原因：按你给的日期 2026-03-02 计算，“申请行政复议的期限”的最后一日是 2026-05-06，已经过了。这条路可能已经关闭，但可能有例外（例如期限被中断或中止、机关没有告知你权利和期限、因不可抗力等正当理由耽误）。不要自己放弃：尽快拨打 12348 问清楚。
  详细阅读：{how}（rightsbot show admin-reconsideration.how）

选择一条途径对其他途径的影响
----------------------------
- 复议：受理后不能起诉。

也请阅读
--------
- {which}（rightsbot show general.which-channel）

你的回答只在内存里，离开这个界面就全部清除，不会保存。
以上是法律信息，不是律师意见。免费法律帮助：拨打 12348（公共法律服务热线）。"""

EXPECTED_EN = """\
Your routes: A decision
=======================

!! Safety first !!
Call for help first.
  110  Police emergency
  120  Medical emergency
Read more: {emergency} (rightsbot show safety.emergency)

Two routes.

Routes open to you (in the recommended order)
---------------------------------------------
1. Lawsuit
   Where: The court.
   Deadline: last day 2026-09-02 (Wednesday), 93 days from today.
     Counted from the date you gave, 2026-03-02 (the start date: the day you knew or should have known that the act was made).
     Note: Unless a law provides otherwise. Courts do not accept a suit about real property more than 20 years after the act was made, or any other suit more than five years after it.
     Step by step: rightsbot deadline admin-litigation.sue --from 2026-03-02
   Cost: 50 yuan per case.
   Bring: A complaint.
   Law: Measures on the Payment of Litigation Costs (《诉讼费用交纳办法》), Article 13; Administrative Litigation Law of the People's Republic of China (《中华人民共和国行政诉讼法》), Article 46
   Read: {filing} (rightsbot show admin-litigation.filing)

2. Petition
   Where: The petition office.
   Deadline: not computed here; see the entry.
   Cost: No fee.
   Bring: Papers.
   Read: {petition} (rightsbot show petition.filing)

Routes probably closed or not available now
-------------------------------------------
- Reconsideration
  Why: From the date you gave, 2026-03-02, the last day (Deadline to apply for administrative reconsideration) was 2026-05-06, which has passed. This route is probably closed, but there may be exceptions (the period was interrupted or suspended, you were never told of your rights and the deadline, or a justified reason such as force majeure delayed you). Do not give up on your own: call 12348 as soon as you can.
  Read: {how} (rightsbot show admin-reconsideration.how)

How choosing one route affects another
--------------------------------------
- Reconsideration: No lawsuit once accepted.

Also read
---------
- {which} (rightsbot show general.which-channel)

Your answers are kept in memory only and are cleared when you leave; nothing is saved.
This is legal information, not a lawyer's advice. Free legal help: call 12348 (public legal services hotline)."""


@pytest.fixture(scope="module")
def mini_nav(tmp_path_factory: pytest.TempPathFactory) -> Navigator:
    """The shipped knowledge base and rules with a small, fixed flow: its text does not change
    when authors edit the shipped interview."""
    root = tmp_path_factory.mktemp("mini") / "content"
    shutil.copytree(CONTENT, root, ignore=shutil.ignore_patterns("flows", "calendar"))
    (root / "flows").mkdir()
    (root / "flows" / "triage.yaml").write_text(MINI_FLOW, encoding="utf-8")
    return load_navigator(root, today=TODAY)


def _titles(nav: Navigator, lang: str) -> dict[str, str]:
    ids = {"emergency": "safety.emergency", "filing": "admin-litigation.filing", "petition": "petition.filing",
           "how": "admin-reconsideration.how", "which": "general.which-channel"}
    return {key: nav.kb.entries[entry].title.get(lang) for key, entry in ids.items()}


@pytest.mark.parametrize(("lang", "expected"), [("zh", EXPECTED_ZH), ("en", EXPECTED_EN)], ids=["zh", "en"])
def test_result_text_snapshot(mini_nav: Navigator, lang: str, expected: str) -> None:
    result = finish(mini_nav, "yes", "2026-03-02", "nothing")
    text = result_text(result, lang)
    assert text == expected.format(**_titles(mini_nav, lang))
    again = finish(mini_nav, "yes", "2026-03-02", "nothing")
    assert result_text(again, lang) == text  # deterministic


def test_result_json_shape(mini_nav: Navigator) -> None:
    data = result_json(finish(mini_nav, "no", "2026-03-02", "decided"))
    assert data["emergency"] is None and data["today"] == "2026-06-01"
    assert [r["id"] for r in data["open"]] == ["lawsuit", "petition"]
    assert data["open"][0]["deadline"] == {"rule": "admin-litigation.sue", "from": "2026-03-02",
                                           "last_day": "2026-09-02", "days_left": 93, "calendar": "official"}
    closed = data["closed"][0]
    assert closed["id"] == "recon" and closed["status"] == "closed" and closed["deadline"] is None
    assert closed["reason"] == {"zh": "已经复议过。", "en": "Already decided."}
    assert set(data["outcome"]["title"]) == {"zh", "en"}


def test_ask_text_numbers_the_visible_options(nav: Navigator) -> None:
    ask = run(nav, "no", "work")
    assert isinstance(ask, Ask)
    text = ask_text(ask, ["zh", "en"])
    assert "第 3 题 · Question 3" in text
    assert re.search(r"^  1\. 我的用人单位.* / My employer", text, re.M)
    assert "  3. 说不清 / Not sure" in text
    assert ask_text(ask, ["en"]).count("\n") < text.count("\n")


def test_every_string_has_both_languages_and_the_same_placeholders() -> None:
    for key, text in STRINGS.items():
        assert text.zh.strip() and text.en.strip(), key
        assert set(re.findall(r"{(\w+)}", text.zh)) == set(re.findall(r"{(\w+)}", text.en)), key
