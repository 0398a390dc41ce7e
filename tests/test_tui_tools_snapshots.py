"""Snapshots (pytest-textual-snapshot) of the tools at 80×24, in Chinese and English.

The deadline calculator's result (申请行政复议 from 2026-12-01: 2027-02-01, weekends only),
the guide's result (a government decision learned of on 2026-05-20) and a guide question
under the safety block. Baselines are SVGs in ``tests/__snapshots__/test_tui_tools_snapshots/``;
regenerate with ``pytest tests/test_tui_tools_snapshots.py --snapshot-update`` after a
deliberate change, and look at them first. Deterministic: "today" is fixed for the guide,
the calculator is pure given the start date, the index is built before the app starts and
no cursor blinks.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from rightsbot.core.loader import load_content
from rightsbot.search import SearchIndex
from rightsbot.tui.app import RightsbotApp
from rightsbot.tui.widgets.tools.inputs import ChoiceList, MultiList

KB = load_content()
INDEX = SearchIndex(KB)
SIZE = (80, 24)
LANGS = ["zh", "en"]
TODAY = dt.date(2026, 6, 1)


def make_app(lang: str) -> RightsbotApp:
    """A fresh app over the shipped content, with the shared index."""
    return RightsbotApp(KB, lang=lang, index=INDEX)


async def settle(pilot: Pilot) -> None:
    """No blinking cursor; let layout finish."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def choose(pilot: Pilot, option_id: str) -> None:
    """Answer the choice question on screen with ``option_id``."""
    choices = pilot.app.screen.query_one(ChoiceList)
    choices.highlighted = [choices.get_option_at_index(i).id for i in range(choices.option_count)].index(option_id)
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("lang", LANGS)
def test_deadline_result(snap_compare, lang: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.open_screen("deadline", today=TODAY)
        await pilot.pause()
        await settle(pilot)
        await pilot.press(*"admin-reconsideration.apply", "enter")
        await pilot.pause()
        await pilot.press(*"2026-12-01", "enter")
        await pilot.pause()
        await settle(pilot)

    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_guide_result(snap_compare, lang: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.open_screen("guide", today=TODAY)
        await pilot.pause()
        await choose(pilot, "no")
        await choose(pilot, "gov-decision")
        await pilot.press(*"2026-05-20", "enter")
        await pilot.pause()
        multi = pilot.app.screen.query_one(MultiList)
        multi.highlighted = 0  # "nothing yet"
        await pilot.press("space", "enter")
        await pilot.pause()
        await settle(pilot)

    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_guide_question_under_the_safety_block(snap_compare, lang: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.open_screen("guide", today=TODAY)
        await pilot.pause()
        await choose(pilot, "yes")
        await settle(pilot)

    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=run_before)
