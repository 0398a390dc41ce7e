"""Screen snapshots (pytest-textual-snapshot) at 80×24, in Chinese and English.

The baselines are SVGs in ``tests/__snapshots__/test_tui_snapshots/``; regenerate them with
``pytest tests/test_tui_snapshots.py --snapshot-update`` after a deliberate change, and
look at them before committing. Rendering is deterministic: no clock, no random, the
search index is built before the app starts, and the input cursor does not blink.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from rightsbot.core.laws import ArticleNumber
from rightsbot.core.loader import load_content
from rightsbot.search import SearchIndex
from rightsbot.tui.app import RightsbotApp

KB = load_content()
INDEX = SearchIndex(KB)
SIZE = (80, 24)
LANGS = ["zh", "en"]


def make_app(lang: str) -> RightsbotApp:
    """A fresh app over the shipped content, with the shared index."""
    return RightsbotApp(KB, lang=lang, index=INDEX)


async def settle(pilot: Pilot) -> None:
    """No blinking cursor; let layout and markdown finish."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def asking(question: str):
    """A run_before that asks ``question`` and waits for the card."""

    async def run_before(pilot: Pilot) -> None:
        app = pilot.app
        box = app.screen.query_one("#question", Input)
        box.cursor_blink = False
        box.value = question
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause(0.2)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("lang", LANGS)
def test_main_screen_with_an_answer(snap_compare, lang: str) -> None:
    question = "老板拖欠工资怎么办" if lang == "zh" else "my boss has not paid my wages"
    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=asking(question))


@pytest.mark.parametrize("lang", LANGS)
def test_crisis_banner(snap_compare, lang: str) -> None:
    question = "有人正在打我" if lang == "zh" else "someone is beating me right now"
    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=asking(question))


@pytest.mark.parametrize("lang", LANGS)
def test_browse(snap_compare, lang: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("f3")
        await pilot.pause()
        await settle(pilot)

    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_law_viewer(snap_compare, lang: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.open_screen("law", law="labor-dispute-mediation-arbitration-law", article=ArticleNumber(27))
        await pilot.pause()
        await settle(pilot)

    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_help(snap_compare, lang: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("f1")
        await pilot.pause()
        await pilot.pause(0.2)
        await settle(pilot)

    assert snap_compare(make_app(lang), terminal_size=SIZE, run_before=run_before)
