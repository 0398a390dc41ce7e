"""The TUI's tools, driven headless with Pilot: the deadline calculator (F8) and the guide (F10).

Deadline: choose a rule, type a date (several writings), read the last day, the calendar
status, each step with its article; bad dates get a plain message; an article opens the law
viewer over the calculator. Guide: one question at a time, back key, the safety block first
when someone is in danger, the result's links, and nothing answered left in the app after
the screen is left. Both: language toggle, help, quick exit.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import io
import types
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from rightsbot.core.laws import ArticleNumber
from rightsbot.core.loader import load_content
from rightsbot.deadlines.model import DeadlineResult
from rightsbot.navigator import Ask, Result, RouteResult, State, load_navigator
from rightsbot.search import SearchIndex
from rightsbot.tui.app import QUICK_EXIT_WINDOW, RightsbotApp
from rightsbot.tui.registry import COMMANDS, SCREENS
from rightsbot.tui.screens.deadline import DeadlineScreen, deadline_content, filter_rules
from rightsbot.tui.screens.guide import GuideScreen
from rightsbot.tui.screens.help import HelpScreen, help_markdown
from rightsbot.tui.screens.law import LawScreen
from rightsbot.tui.screens.main import MainScreen
from rightsbot.tui.strings import TEXTS, tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.tools.deadline import DeadlineView
from rightsbot.tui.widgets.tools.guide import EmergencyBlock, GuideResultView
from rightsbot.tui.widgets.tools.inputs import ChoiceList, DateInput, MultiList, normalise_date
from rightsbot.tui.widgets.tools.links import ActionLink, ArticleLink, EntryLink, ToolLink
from rightsbot.tui.widgets.tools.text import LiveText

from .privacy_helpers import STRACE, STRACE_MISSING, find_violations, parse_strace_log, rightsbot_argv, strace_argv
from .test_tui_terminal import TAGLINE, Tmux, _start, tmux  # noqa: F401 - tmux is a fixture

KB = load_content()
INDEX = SearchIndex(KB)
#: "Today" for every guide run, so deadlines and days-left are fixed.
TODAY = dt.date(2026, 6, 1)
RULE = "admin-reconsideration.apply"

Scenario = Callable[[RightsbotApp, Pilot], Awaitable[None]]


def drive(scenario: Scenario, *, lang: str = "zh", size: tuple[int, int] = (80, 24)) -> RightsbotApp:
    """Run ``scenario`` against a fresh app (shared index) and return the app afterwards."""

    async def main() -> RightsbotApp:
        app = RightsbotApp(KB, lang=lang, index=INDEX)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)
        return app

    return asyncio.run(main())


def screen_text(app: RightsbotApp) -> str:
    """What the terminal shows, as plain text."""
    from rich.console import Console

    console = Console(width=app.size.width, height=app.size.height, record=True, force_terminal=True,
                      color_system=None, file=io.StringIO())
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def text_of(widget: Static) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


def shown(app: RightsbotApp, selector: str | type = LiveText) -> str:
    """Every LiveText (or other Static) of the current screen, joined: what the result says in full."""
    return "\n".join(text_of(widget) for widget in app.screen.query(selector))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- helpers: deadline

async def open_deadline(app: RightsbotApp, pilot: Pilot) -> DeadlineScreen:
    await pilot.press("f8")
    await pilot.pause()
    assert isinstance(app.screen, DeadlineScreen)
    return app.screen


async def choose_rule(pilot: Pilot, typed: str = RULE) -> None:
    """Type in the filter, Enter chooses the best match (the cursor goes to the date box)."""
    await pilot.press(*typed)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def type_date(pilot: Pilot, text: str) -> None:
    """Put ``text`` in the date box (as a paste would) and press Enter."""
    box = pilot.app.screen.query_one("#dl-date", DateInput)
    box.focus()
    box.value = text
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


# --------------------------------------------------------------------------- helpers: guide

async def open_guide(app: RightsbotApp, pilot: Pilot) -> GuideScreen:
    app.open_screen("guide", today=TODAY)
    await pilot.pause()
    assert isinstance(app.screen, GuideScreen)
    return app.screen


def current(app: RightsbotApp) -> Ask | Result:
    screen = app.screen
    assert isinstance(screen, GuideScreen) and screen.step is not None
    return screen.step


async def pick(app: RightsbotApp, pilot: Pilot, option_id: str) -> None:
    """Answer the choice question on screen with ``option_id``: arrows to it, Enter."""
    step = current(app)
    assert isinstance(step, Ask) and step.question.kind == "choice"
    target = [o.id for o in step.options].index(option_id)
    choices = app.screen.query_one(ChoiceList)
    assert app.focused is choices
    await pilot.press(*(["up"] * choices.option_count), *(["down"] * target), "enter")
    await pilot.pause()


async def tick(app: RightsbotApp, pilot: Pilot, *option_ids: str) -> None:
    """Tick ``option_ids`` in the multi question on screen (Space), then Enter."""
    step = current(app)
    assert isinstance(step, Ask) and step.question.kind == "multi"
    ids = [o.id for o in step.options]
    multi = app.screen.query_one(MultiList)
    assert app.focused is multi
    for option_id in option_ids:
        multi.highlighted = ids.index(option_id)
        await pilot.press("space")
    await pilot.press("enter")
    await pilot.pause()


async def date(app: RightsbotApp, pilot: Pilot, text: str) -> None:
    """Type ``text`` into the date question's box and press Enter."""
    step = current(app)
    assert isinstance(step, Ask) and step.question.kind == "date"
    assert isinstance(app.focused, DateInput)
    await pilot.press(*text, "enter")
    await pilot.pause()


async def walk_gov_decision(app: RightsbotApp, pilot: Pilot, learned: str = "2026-05-20",
                            danger: str = "no") -> None:
    """danger → situation (a government decision) → learned → done (nothing yet) → result."""
    await pick(app, pilot, danger)
    await pick(app, pilot, "gov-decision")
    await date(app, pilot, learned)
    await tick(app, pilot, "nothing")
    await pilot.pause()


def expected_result(learned: dt.date, danger: str = "no") -> Result:
    nav = load_navigator(kb=KB, today=TODAY)
    step: Any = nav.start()
    for value in (danger, "gov-decision", learned, ["nothing"]):
        step = nav.answer(step.state, value)
    assert isinstance(step, Result)
    return step


# --------------------------------------------------------------------------- registry, keys, strings

def test_both_tools_are_registered_with_a_command_and_a_free_key() -> None:
    assert {"deadline", "guide"} <= set(SCREENS)
    commands = {c.id: c for c in COMMANDS}
    assert commands["deadline"].action == "open_screen('deadline')" and commands["deadline"].key == "F8"
    assert commands["guide"].action == "open_screen('guide')" and commands["guide"].key == "F10"
    app_keys = [key for b in RightsbotApp.BINDINGS if isinstance(b, Binding) for key in b.key.split(",")]
    assert app_keys.count("f8") == 1 and app_keys.count("f10") == 1
    for cls in (MainScreen, LawScreen, DeadlineScreen, GuideScreen):  # no screen takes F8 or F10 for itself
        keys = [key for b in cls.BINDINGS if isinstance(b, Binding) for key in b.key.split(",")]
        assert "f8" not in keys and "f10" not in keys, cls


def test_every_tools_binding_and_string_is_described_in_both_languages() -> None:
    for cls in (DeadlineScreen, GuideScreen, MultiList, ToolLink, ArticleLink, EntryLink, ActionLink):
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.show or binding.description:
                assert binding.description in TEXTS, (cls, binding)
    for key in ("deadline.title", "guide.title", "key.deadline", "key.guide", "key.previous", "cmd.deadline",
                "cmd.guide", "guide.hint.choice", "guide.hint.multi", "guide.hint.date", "guide.hint.result"):
        assert TEXTS[key].zh.strip() and TEXTS[key].en.strip(), key


@pytest.mark.parametrize(("typed", "expected"), [
    ("2026-12-01", "2026-12-01"), ("2026/12/1", "2026-12-01"), ("2026年12月1日", "2026-12-01"),
    (" 2026.12.1 ", "2026-12-01"), ("２０２６－１２－０１", "2026-12-01"), ("2026年2月30日", "2026-02-30"),
    ("tomorrow", "tomorrow"), ("", ""),
])
def test_dates_written_the_usual_ways_are_read_as_iso(typed: str, expected: str) -> None:
    assert normalise_date(typed) == expected


def test_rule_filter_finds_by_id_and_by_name_in_either_language() -> None:
    rules = list(deadline_content(KB).rules.values())
    assert filter_rules(rules, "")[0].id == rules[0].id
    assert filter_rules(rules, RULE)[0].id == RULE
    assert filter_rules(rules, "申请行政复议")[0].id == RULE
    assert filter_rules(rules, "apply for administrative reconsideration")[0].id == RULE
    assert filter_rules(rules, "zzzzqqqq") == []


def test_f8_and_f10_open_the_tools_and_esc_goes_back() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        for key, cls, name in (("f8", DeadlineScreen, "deadline"), ("f10", GuideScreen, "guide")):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, cls) and app.screen.id == name
            assert app.screen.query(KeyBar)
            assert app.screen.query_one(KeyBar).entries()[0] == ("Esc Esc", "key.quick_exit")
            await pilot.press("escape")
            await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
            assert isinstance(app.screen, MainScreen) and app.is_running
        for action, cls in (("open_screen('deadline')", DeadlineScreen), ("open_screen('guide')", GuideScreen)):
            await app.run_action(action)  # what the command palette runs
            await pilot.pause()
            assert isinstance(app.screen, cls)
            app.pop_screen()
            await pilot.pause()

    drive(scenario)


def test_the_command_palette_finds_the_tools() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"guide")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, GuideScreen)

    drive(scenario, lang="en")


@pytest.mark.parametrize("where", ["deadline", "guide"])
def test_help_lists_the_tools_and_opens_over_them(where: str) -> None:
    for lang in ("zh", "en"):
        text = help_markdown(lang)
        for key in ("cmd.deadline", "cmd.guide", "help.key.deadline_nav", "help.key.guide_nav"):
            assert tr(key, lang) in text, (lang, key)
        assert "**F8**" in text and "**F10**" in text

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("f8" if where == "deadline" else "f10")
        await pilot.pause()
        tool = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
        assert app.screen is tool and app.is_running

    drive(scenario)


def test_tools_say_so_plainly_when_their_content_is_missing(mini_content: Any) -> None:
    kb = load_content(mini_content)  # topics and laws, but no deadline rules and no flows

    async def main() -> RightsbotApp:
        app = RightsbotApp(kb, lang="zh", index=SearchIndex(kb))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key, selector in (("f8", "#dl-message"), ("f10", "#guide-hint")):
                await pilot.press(key)
                await pilot.pause()
                assert "无法载入" in text_of(app.screen.query_one(selector, Static)), key
                await pilot.press("f6")
                await pilot.pause()
                assert "could not be loaded" in text_of(app.screen.query_one(selector, Static)), key
                await pilot.press("f6")
                await pilot.pause()
            await pilot.press("enter", "backspace", "2")
            await pilot.pause()
            assert app.is_running and app.return_code is None
        return app

    asyncio.run(main())


# --------------------------------------------------------------------------- deadline calculator

def test_deadline_pick_the_rule_type_the_date_read_the_last_day() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        assert app.focused is screen.query_one("#dl-filter")
        assert "先在左边选一种期限" in text_of(screen.query_one("#dl-rule", Static))
        await choose_rule(pilot)
        assert screen.rule is not None and screen.rule.id == RULE
        assert isinstance(app.focused, DateInput)
        assert "起算日：你知道或者应当知道该行政行为之日" in text_of(screen.query_one("#dl-rule", Static))
        await pilot.press(*"2026-12-01", "enter")
        await pilot.pause()
        view = screen.query_one(DeadlineView)
        assert view.result is not None and view.result.deadline == dt.date(2027, 2, 1)
        assert view.result.calendar == "weekends-only"
        full = shown(app)
        assert "最后一日：2027-02-01（星期一）" in full
        assert "由谁办理：你" in full
        assert "节假日：只按周末计算（当年安排未知）" in full
        assert "2027年的法定节假日安排未知" in full  # said plainly, in its own warning block
        assert "估计日期" in full and "12348" in full and "起算日是你自己判断的日期" in full
        for number, step in enumerate(view.result.steps, 1):
            assert f"{number}. {step.text.zh}" in full
        links = list(screen.query(ArticleLink))
        assert [link.citation for link in links] == [step.citation for step in view.result.steps]
        labels = [text_of(link) for link in links]
        assert any("《中华人民共和国行政复议法》第二十条" in label and "六十日内" in label for label in labels)
        assert any("《中华人民共和国民事诉讼法》第八十五条" in label for label in labels)
        visible = screen_text(app)
        assert "2027-02-01" in visible and "只按周末计算" in visible

    drive(scenario)


def test_deadline_shows_an_extension_and_the_official_calendar() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        await choose_rule(pilot, "admin-reconsideration.decision")
        assert screen.rule is not None and screen.rule.id == "admin-reconsideration.decision"
        await type_date(pilot, "2026/3/2")
        result = screen.query_one(DeadlineView).result
        assert result is not None and result.extended_deadline is not None and result.calendar == "official"
        full = shown(app)
        assert f"如依法延长到最长：{result.extended_deadline.isoformat()}" in full
        assert "由谁办理：办理机关" in full and "节假日：官方放假安排" in full
        assert "可以延长" in full
        assert not screen.query(".dl-calendar")

    drive(scenario)


@pytest.mark.parametrize("typed", ["2026-12-01", "2026/12/1", "2026年12月1日", "２０２６-１２-０１"])
def test_deadline_accepts_the_usual_ways_of_writing_a_date(typed: str) -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        await choose_rule(pilot)
        await type_date(pilot, typed)
        result = screen.query_one(DeadlineView).result
        assert result is not None and result.start == dt.date(2026, 12, 1)
        assert result.deadline == dt.date(2027, 2, 1)

    drive(scenario)


@pytest.mark.parametrize(("typed", "zh", "en"), [
    ("2026-02-30", "2026-02-30 这一天不存在：2026年2月只有 28 天。",
     "2026-02-30 does not exist: February 2026 has 28 days."),
    ("2026/13/1", "月份只能是 01 到 12", "the month must be 01 to 12"),
    ("next tuesday", "“next tuesday”不是日期", "'next tuesday' is not a date"),
    ("1989-12-31", "太早", "too early"),
    ("2099-01-01", "太远", "too far ahead"),
    ("", "请输入起算日", "Type the start date"),
])
def test_deadline_bad_dates_get_a_plain_message_inline(typed: str, zh: str, en: str) -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        await choose_rule(pilot)
        await type_date(pilot, "2026-12-01")
        assert screen.query_one(DeadlineView).result is not None
        await type_date(pilot, typed)
        message = screen.query_one("#dl-message", Static)
        assert message.display and zh in text_of(message)
        assert screen.query_one(DeadlineView).result is None  # the old result does not linger
        await pilot.press("f6")
        await pilot.pause()
        assert en in text_of(message)
        assert app.is_running and app.return_code is None

    drive(scenario)


def test_deadline_without_a_rule_asks_for_one_first() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        await type_date(pilot, "2026-12-01")
        assert "先在左边选一种期限" in text_of(screen.query_one("#dl-message", Static))
        assert screen.query_one(DeadlineView).result is None

    drive(scenario)


def test_deadline_list_keys_and_changing_the_rule_recomputes() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        await choose_rule(pilot)
        await type_date(pilot, "2026-12-01")
        rules = screen.query_one("#dl-rules", OptionList)
        screen.query_one("#dl-filter").focus()
        await pilot.press("ctrl+u")  # clear the filter: every rule again
        await pilot.pause()
        assert rules.option_count == len(deadline_content(KB).rules)
        await pilot.press("down")
        assert app.focused is rules
        rules.highlighted = [o.id for o in rules._options].index("civil.appeal-judgment")
        await pilot.press("enter")
        await pilot.pause()
        result = screen.query_one(DeadlineView).result
        assert result is not None and result.rule.id == "civil.appeal-judgment"
        assert result.deadline == dt.date(2026, 12, 16)

    drive(scenario)


def test_deadline_citation_opens_the_law_viewer_at_the_article_and_esc_comes_back() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        await choose_rule(pilot)
        await type_date(pilot, "2026-12-01")
        link = next(link for link in screen.query(ArticleLink) if link.citation.article == ArticleNumber(20))
        for _ in range(40):  # Tab reaches the link
            if app.focused is link:
                break
            await pilot.press("tab")
        assert app.focused is link
        await pilot.press("enter")
        await pilot.pause()
        law = app.screen
        assert isinstance(law, LawScreen)
        assert law.law is not None and law.law.slug == "administrative-reconsideration-law"
        assert law.number == ArticleNumber(20)
        await pilot.press("escape")
        await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
        assert app.screen is screen  # back at the result, not the conversation
        result = screen.query_one(DeadlineView).result
        assert result is not None and result.deadline == dt.date(2027, 2, 1)

    drive(scenario)


def test_deadline_language_toggle_rerenders_everything() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_deadline(app, pilot)
        await choose_rule(pilot)
        await type_date(pilot, "2026-12-01")
        await pilot.press("f6")
        await pilot.pause()
        assert app.lang == "en"
        assert "Deadline calculator" in text_of(screen.query_one(AppHeader))
        assert "Quick exit" in text_of(screen.query_one(KeyBar))
        assert screen.query_one("#dl-filter", Input).placeholder == "Type to filter"
        assert screen.query_one("#dl-date", Input).placeholder.startswith("Start date")
        assert "Start date: the day you knew" in text_of(screen.query_one("#dl-rule", Static))
        full = shown(app)
        assert "Last day: 2027-02-01 (Monday)" in full and "Who must act: you" in full
        assert "Holidays: weekends only (that year's schedule is unknown)" in full
        assert "the official holiday schedule for 2027 is not known" in full
        assert "This is an estimate" in full and "your own assessment" in full
        assert "最后一日" not in full
        link = screen.query(ArticleLink).first()
        assert "Article" in text_of(link)
        options = screen.query_one("#dl-rules", OptionList)
        name, ident = options.get_option_at_index(0).prompt.renderables  # type: ignore[union-attr]
        assert str(name) == "Deadline to apply for administrative reconsideration" and RULE in str(ident)
        await pilot.press("f6")
        await pilot.pause()
        assert "最后一日：2027-02-01（星期一）" in shown(app)

    drive(scenario)


def test_deadline_opened_with_a_rule_and_date_computes_at_once() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        app.open_screen("deadline", rule="labor.arbitration", start=dt.date(2026, 5, 20), today=TODAY)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DeadlineScreen)
        result = screen.query_one(DeadlineView).result
        assert result is not None and result.rule.id == "labor.arbitration" and result.start == dt.date(2026, 5, 20)
        assert screen.query_one("#dl-date", Input).value == "2026-05-20"

    drive(scenario)


# --------------------------------------------------------------------------- guide

def test_guide_walks_one_path_to_the_result_in_the_recommended_order() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        first = current(app)
        assert isinstance(first, Ask) and first.number == 1 and first.question.id == "danger"
        assert text_of(screen.query_one("#guide-question", Static)) == first.question.text.zh
        assert "你的回答只在内存里" in text_of(screen.query_one("#guide-intro", Static))
        assert not screen.query_one(EmergencyBlock).display
        await pick(app, pilot, "no")
        await pick(app, pilot, "gov-decision")
        step = current(app)
        assert isinstance(step, Ask) and step.question.kind == "date"
        assert step.question.help is not None and text_of(screen.query_one("#guide-help", Static)) == step.question.help.zh
        await date(app, pilot, "2026/5/20")
        step = current(app)
        assert isinstance(step, Ask) and step.question.kind == "multi"
        await tick(app, pilot, "nothing")
        result = current(app)
        assert isinstance(result, Result)
        expected = expected_result(dt.date(2026, 5, 20))
        assert [r.route.id for r in result.open] == [r.route.id for r in expected.open]
        assert [r.route.id for r in result.closed] == [r.route.id for r in expected.closed]
        view = screen.query_one(GuideResultView)
        assert view.display and not screen.query_one("#guide-ask").display
        assert app.focused is view
        full = shown(app)
        assert f"指引结果：{expected.outcome.title.zh}" in full and expected.outcome.summary.zh in full
        positions = [full.index(f"{n}. {r.route.name.zh}") for n, r in enumerate(expected.open, 1)]
        assert positions == sorted(positions)  # in the recommended order
        first_route = expected.open[0]
        assert first_route.deadline is not None
        assert f"最后一日 {first_route.deadline.deadline.isoformat()}" in full
        assert f"找谁：{first_route.route.body.zh}" in full
        assert f"费用：{first_route.route.cost.zh}" in full and f"带什么：{first_route.route.bring.zh}" in full
        assert "选择一条途径对其他途径的影响" in full and first_route.route.interactions is not None
        assert first_route.route.interactions.zh in full
        assert "你的回答只在内存里，离开这个界面就全部清除" in full
        cards = list(screen.query(".route-card"))
        for card, found in zip(cards, expected.open):  # each open route ends with the entry to read
            assert card.query(EntryLink).last().entry_id == found.route.entry
        steps = list(screen.query(ActionLink))
        assert len(steps) == sum(1 for r in expected.open if r.deadline is not None)
        assert "从 2026-05-20 起算" in text_of(steps[0])

    drive(scenario)


def test_guide_closed_routes_say_why() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await walk_gov_decision(app, pilot, learned="2025-12-07")
        result = current(app)
        assert isinstance(result, Result) and result.closed
        full = shown(app)
        assert "可能已经关闭或暂时不适用的途径" in full
        for found in result.closed:
            assert found.reason is not None and f"原因：{found.reason.zh}" in full
        assert len(screen.query(".route-card.-closed")) == len(result.closed)

    drive(scenario)


def test_guide_back_key_goes_back_one_question_and_keeps_the_answer_selected() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await pilot.press("backspace")  # on the first question: says so, stays
        await pilot.pause()
        assert "这已经是第一题" in text_of(screen.query_one("#guide-error", Static))
        assert isinstance(current(app), Ask) and current(app).state.answers == ()
        await pick(app, pilot, "no")
        await pick(app, pilot, "gov-decision")
        box = screen.query_one(DateInput)
        await pilot.press("2", "0")
        await pilot.press("backspace")  # with text in the box, Backspace deletes
        await pilot.pause()
        assert box.value == "2" and current(app).question.id == "learned"
        await pilot.press("backspace", "backspace")  # the box is empty: back one question
        await pilot.pause()
        step = current(app)
        assert isinstance(step, Ask) and step.question.id == "situation" and len(step.state.answers) == 1
        choices = screen.query_one(ChoiceList)
        assert choices.highlighted_option is not None and choices.highlighted_option.id == "gov-decision"
        await pilot.press("enter")
        await pilot.pause()
        await date(app, pilot, "2026-05-20")
        await tick(app, pilot, "nothing")
        assert isinstance(current(app), Result)
        await pilot.press("backspace")  # from the result: the last question, its ticks kept
        await pilot.pause()
        step = current(app)
        assert isinstance(step, Ask) and step.question.id == "done"
        assert screen.query_one(MultiList).selected == ["nothing"]
        assert not screen.query_one(GuideResultView).display and not screen.query(EntryLink)
        await pilot.press("backspace")
        await pilot.pause()
        step = current(app)
        assert isinstance(step, Ask) and step.question.id == "learned"
        assert screen.query_one(DateInput).value == "2026-05-20"

    drive(scenario)


def test_guide_danger_puts_the_safety_block_first() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await pick(app, pilot, "yes")
        block = screen.query_one("#guide-emergency", EmergencyBlock)
        assert block.display
        text = text_of(block)
        assert "先保安全" in text and "110" in text and "120" in text
        assert block.region.y < screen.query_one("#guide-question").region.y  # above the question
        await pick(app, pilot, "gov-decision")
        assert block.display
        await date(app, pilot, "2026-05-20")
        await tick(app, pilot, "nothing")
        assert isinstance(current(app), Result)
        view = screen.query_one(GuideResultView)
        children = list(view.children)
        assert isinstance(children[0], EmergencyBlock) and "110" in text_of(children[0])
        assert isinstance(children[1], EntryLink) and children[1].entry_id == "safety.emergency"
        assert not block.display  # the result leads with its own block
        visible = screen_text(app)
        assert visible.index("先保安全") < visible.index("指引结果")

    drive(scenario)


def test_guide_bad_answers_get_a_plain_message_and_the_question_stays() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await pick(app, pilot, "no")
        await pick(app, pilot, "gov-decision")
        error = screen.query_one("#guide-error", Static)
        for typed, message in (("2026-02-30", "这一天不存在"), ("2026-07-01", "在今天（2026-06-01）之后"),
                               ("someday", "不是日期")):
            box = screen.query_one(DateInput)
            box.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert error.display and message in text_of(error), typed
            assert current(app).question.id == "learned"
        await pilot.press("f6")
        await pilot.pause()
        assert "is not a date" in text_of(error)
        await pilot.press("f6")
        screen.query_one(DateInput).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert "需要一个日期" in text_of(error)
        await date(app, pilot, "2026-05-20")
        assert not error.display
        await pilot.press("enter")  # nothing ticked
        await pilot.pause()
        assert "请至少选一项" in text_of(error) and current(app).question.id == "done"
        multi = screen.query_one(MultiList)
        ids = [o.id for o in current(app).options]  # type: ignore[union-attr]
        multi.highlighted = ids.index("petitioned")
        await pilot.press("space")
        multi.highlighted = ids.index("nothing")
        await pilot.press("space")  # "nothing yet" unticks the rest
        assert multi.selected == ["nothing"]
        multi.highlighted = ids.index("petitioned")
        await pilot.press("space")  # and the other way round
        assert multi.selected == ["petitioned"]

    drive(scenario)


def test_guide_digits_pick_and_tick() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await open_guide(app, pilot)
        await pilot.press("2")  # "no"
        await pilot.pause()
        assert current(app).state.answers == (("danger", "no"),)
        await pilot.press("3")  # work
        await pilot.pause()
        assert current(app).state.answers[-1] == ("situation", "work")

    drive(scenario)


def test_guide_entry_link_shows_the_entry_like_an_answer() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await walk_gov_decision(app, pilot)
        link = screen.query(EntryLink).first()
        link.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.session.current_entry_id == link.entry_id

    drive(scenario)


def test_guide_steps_link_opens_the_calculator_over_the_guide() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await walk_gov_decision(app, pilot)
        link = screen.query(ActionLink).first()
        link.focus()
        await pilot.press("enter")
        await pilot.pause()
        calculator = app.screen
        assert isinstance(calculator, DeadlineScreen)
        result = calculator.query_one(DeadlineView).result
        assert result is not None and result.rule.id == RULE and result.start == dt.date(2026, 5, 20)
        assert result.deadline == dt.date(2026, 7, 20)
        await pilot.press("escape")
        await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
        assert app.screen is screen and isinstance(current(app), Result)

    drive(scenario)


def test_guide_language_toggle_rerenders_the_question_and_the_result() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await pick(app, pilot, "no")
        await pilot.press("f6")
        await pilot.pause()
        step = current(app)
        assert isinstance(step, Ask)
        assert text_of(screen.query_one("#guide-question", Static)) == step.question.text.en
        assert text_of(screen.query_one("#guide-progress", Static)) == "Question 2"
        choices = screen.query_one(ChoiceList)
        assert str(choices.get_option_at_index(0).prompt) == f"1. {step.options[0].label.en}"
        assert "Esc leaves and clears every answer" in text_of(screen.query_one("#guide-hint", Static))
        assert "Routes guide" in text_of(screen.query_one(AppHeader))
        await pilot.press("f6")
        await pilot.pause()
        assert str(choices.get_option_at_index(0).prompt) == f"1. {step.options[0].label.zh}"
        await pick(app, pilot, "gov-decision")
        await date(app, pilot, "2026-05-20")
        multi = screen.query_one(MultiList)
        await pilot.press("space")
        await pilot.press("f6")
        await pilot.pause()
        assert multi.selected == ["nothing"]  # ticks survive the toggle
        assert "Nothing yet" in str(multi.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        full = shown(app)
        assert "Your routes:" in full and "Routes open to you (in the recommended order)" in full
        assert "指引结果" not in full
        await pilot.press("f6")
        await pilot.pause()
        assert "指引结果" in shown(app)

    drive(scenario)


# --------------------------------------------------------------------------- memory

_ANSWER_TYPES = (State, Ask, Result, RouteResult, DeadlineResult, GuideScreen)
_DISTINCT_DATE = dt.date(2025, 12, 7)  # a date found nowhere in the content or the code


def reachable(root: object, skip: set[int]) -> Iterator[object]:
    """Every object reachable from ``root`` through references, as data.

    Modules, classes, code and frames are not followed (they lead to the test's own
    constants and to every module); a function is followed only through its closure and
    defaults, which is where a widget's lambdas keep what they show.
    """
    seen: set[int] = set(skip)
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, (types.ModuleType, type, types.CodeType, types.FrameType)):
            continue
        yield obj
        if isinstance(obj, types.FunctionType):
            for cell in obj.__closure__ or ():
                try:
                    stack.append(cell.cell_contents)
                except ValueError:
                    pass
            stack.extend(obj.__defaults__ or ())
            continue
        stack.extend(gc.get_referents(obj))


def traces(app: RightsbotApp) -> list[str]:
    """What of the interview can still be reached from the app: answer objects, the date typed."""
    found = []
    for obj in reachable(app, {id(KB), id(INDEX)}):
        if isinstance(obj, _ANSWER_TYPES):
            found.append(type(obj).__name__)
        elif isinstance(obj, dt.date) and obj == _DISTINCT_DATE:
            found.append(f"date {obj}")
        elif isinstance(obj, str) and _DISTINCT_DATE.isoformat() in obj:
            found.append(f"text {obj[:60]!r}")
    return found


@pytest.mark.parametrize("leave", ["escape", "f3", "f5", "entry-link", "clear"])
def test_after_leaving_the_guide_no_answer_is_reachable_from_the_app(leave: str) -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        screen = await open_guide(app, pilot)
        await walk_gov_decision(app, pilot, learned=_DISTINCT_DATE.isoformat(), danger="yes")
        assert isinstance(current(app), Result)
        before = traces(app)
        assert "State" in before and "Result" in before and any(t.startswith("text") for t in before)
        if leave == "escape":
            app.screen.query_one(GuideResultView).focus()
            await pilot.press("escape")
        elif leave == "entry-link":
            screen.query(EntryLink).first().focus()
            await pilot.press("enter")
        elif leave == "clear":
            await pilot.press("ctrl+l")
        else:
            await pilot.press(leave)
        await pilot.pause()
        await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
        assert not isinstance(app.screen, GuideScreen)
        del screen
        gc.collect()
        assert traces(app) == []
        assert screen_text(app).count(_DISTINCT_DATE.isoformat()) == 0

    drive(scenario)


# --------------------------------------------------------------------------- quick exit

@pytest.mark.parametrize("where", ["deadline", "deadline-date", "deadline-result", "law-over-deadline",
                                   "guide", "guide-date", "guide-result", "deadline-over-guide"])
def test_quick_exit_twice_escape_leaves_at_once_from_the_tools(where: str) -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        if where.startswith(("deadline", "law")) and where != "deadline-over-guide":
            await open_deadline(app, pilot)
            if where != "deadline":
                await choose_rule(pilot)
            if where in ("deadline-result", "law-over-deadline"):
                await type_date(pilot, "2026-12-01")
                app.screen.query(ArticleLink).first().focus()
            if where == "law-over-deadline":
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, LawScreen) and len(app.screen_stack) == 3
        else:
            await open_guide(app, pilot)
            if where != "guide":
                await pick(app, pilot, "no")
                await pick(app, pilot, "gov-decision")
            if where in ("guide-result", "deadline-over-guide"):
                await date(app, pilot, "2026-05-20")
                await tick(app, pilot, "nothing")
            if where == "deadline-over-guide":
                app.screen.query(ActionLink).first().focus()
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, DeadlineScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.return_code == 0 and app.cleared_on_exit

    assert drive(scenario).return_code == 0


# --------------------------------------------------------------------------- a real terminal, under strace

def test_real_terminal_tools_under_strace_write_nothing_and_leave_nothing(tmux: Tmux, tmp_path: Any) -> None:
    """F8 and F10 in a real pseudo-terminal, traced from outside: no file written, no socket, no
    process; after the quick exit neither the result nor the date typed is on screen or in scrollback."""
    if STRACE is None:
        pytest.skip(STRACE_MISSING)
    log = tmp_path / "trace" / "strace.log"
    log.parent.mkdir()
    _start(tmux, strace_argv(rightsbot_argv("--lang", "zh"), log))
    keys = lambda *k: tmux.run("send-keys", "-t", "t", *k)  # noqa: E731
    typed = lambda text: tmux.run("send-keys", "-t", "t", "-l", text)  # noqa: E731
    keys("F8")
    tmux.wait_for("期限计算")
    typed(RULE)
    keys("Enter")
    tmux.wait_for("起算日：你知道或者应当知道该行政行为之日")
    typed("2026年12月1日")
    keys("Enter")
    assert "最后一日：2027-02-01（星期一）" in tmux.wait_for("2027-02-01")
    keys("F10")
    tmux.wait_for("第 1 题")
    keys("2")
    tmux.wait_for("第 2 题")
    keys("1")
    tmux.wait_for("第 3 题")
    typed(_DISTINCT_DATE.isoformat())
    keys("Enter")
    tmux.wait_for("第 4 题")
    keys("1", "Enter")
    tmux.wait_for("指引结果")
    keys("Escape", "Escape")
    tmux.wait_until_gone(TAGLINE)
    tmux.wait_for_prompt()
    history = tmux.history()
    for needle in ("指引结果", _DISTINCT_DATE.isoformat(), "2027-02-01", "期限计算"):
        assert needle not in history, needle
    typed("echo traced-$((40+2))")
    keys("Enter")
    tmux.wait_for("traced-42")
    calls, unparsed = parse_strace_log(log.read_text(encoding="utf-8", errors="replace"))
    assert any(call.name in ("openat", "open") for call in calls), "strace traced nothing"
    violations = find_violations(calls, unparsed)
    assert violations == [], "\n".join(violations[:20])
