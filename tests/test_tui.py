"""The terminal UI, driven headless with Textual's Pilot (``App.run_test()``).

Every screen and every binding: ask → answer card, crisis banner, abstain, browse filter,
citation → law viewer at the right article, language toggle, clear, copy, quick exit from
a dialog; plus the privacy overrides of the hardened App base, each pinned to the Textual
version it was written for.
"""

from __future__ import annotations

import ast
import asyncio
import re
import subprocess
import sys
import textwrap
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
import textual
from textual.app import App
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Markdown, OptionList, Static

from rightsbot.core.laws import ArticleNumber
from rightsbot.core.loader import load_content
from rightsbot.core.render import entry_text
from rightsbot.search import SearchIndex
from rightsbot.tui import cjk
from rightsbot.tui.app import QUICK_EXIT_WINDOW, RightsbotApp
from rightsbot.tui.hardened import PINNED_TEXTUAL, HardenedApp
from rightsbot.tui.registry import COMMANDS, SCREENS
from rightsbot.tui.screens.browse import BrowseScreen, filter_entries
from rightsbot.tui.screens.help import HelpScreen
from rightsbot.tui.screens.hotlines import HotlinesScreen
from rightsbot.tui.screens.law import LawScreen
from rightsbot.tui.screens.main import MainScreen
from rightsbot.tui.strings import TEXTS, tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.inputs import PrivateInput
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.conversation.banner import CrisisBanner
from rightsbot.tui.widgets.conversation.cards import AnswerCard, NoEntryCard
from rightsbot.tui.widgets.conversation.links import ArticleTarget, EntryTarget, LinkList
from rightsbot.tui.widgets.conversation.side_panel import SidePanel
from rightsbot.tui.widgets.law.article_view import ArticleView

from .privacy_helpers import PACKAGE_PARENT, clean_env

KB = load_content()
INDEX = SearchIndex(KB)
TUI_DIR = Path(__file__).resolve().parents[1] / "rightsbot" / "tui"

Scenario = Callable[[RightsbotApp, Pilot], Awaitable[None]]


def drive(scenario: Scenario, *, lang: str = "zh", size: tuple[int, int] = (80, 24),
          **kwargs: object) -> RightsbotApp:
    """Run ``scenario`` against a fresh app (shared index) and return the app afterwards."""

    async def main() -> RightsbotApp:
        app = RightsbotApp(KB, lang=lang, index=INDEX, **kwargs)  # type: ignore[arg-type]
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)
        return app

    return asyncio.run(main())


async def ask(pilot: Pilot, question: str) -> None:
    """Type a question into the input (as a paste would) and press Enter."""
    box = pilot.app.screen.query_one("#question", Input)
    box.focus()
    box.value = question
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


def text_of(widget: Static) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


def links_of(card: AnswerCard | NoEntryCard) -> LinkList:
    """The card's one list of links (citations, related or closest topics)."""
    return card.query_one(LinkList)


def rows_text(card: AnswerCard | NoEntryCard) -> str:
    """Every row under the card's text (headings, links, hotlines), as shown."""
    return "\n".join(row.content.plain for row in links_of(card).rows)


def _screen_text(app: App) -> str:
    from rich.console import Console

    console = Console(width=app.size.width, height=app.size.height, record=True, force_terminal=True,
                      color_system=None, file=__import__("io").StringIO())
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def abstaining_question(with_hits: bool) -> str:
    """A question the search cannot answer (with or without closest topics)."""
    candidates = ["邻居家的狗太吵", "手机", "离婚怎么分财产", "tax refund", "how to bake bread",
                  "what is the weather tomorrow", "买房贷款利率"]
    for question in candidates:
        result = INDEX.search(question)
        if result.abstained and bool(result.hits) == with_hits:
            return question
    pytest.fail(f"none of {candidates} abstains {'with' if with_hits else 'without'} closest topics")


WAGES = "老板拖欠工资怎么办"
WAGES_ENTRY = INDEX.search(WAGES).best
CRISIS = "有人正在打我"


# --------------------------------------------------------------------------- pins and structure

def test_textual_version_is_the_pinned_one() -> None:
    assert textual.__version__.startswith(PINNED_TEXTUAL), (
        f"the privacy overrides in rightsbot/tui/hardened.py were checked against Textual {PINNED_TEXTUAL}x; "
        f"this is {textual.__version__}: re-check every override, then update PINNED_TEXTUAL")


def test_private_textual_api_used_by_the_overrides_still_exists() -> None:
    # App._handle_exception is what a crash goes through; we replace it.
    assert callable(App._handle_exception) and "_handle_exception" in HardenedApp.__dict__
    app = App()
    for name in ("_exit_renderables", "_exception", "_exception_event", "_return_code", "_clipboard"):
        assert hasattr(app, name), name
    assert callable(app._close_messages_no_wait)
    # Screen binds ctrl+c to copy the selection; Input binds it to copy too.
    assert any(b.action == "screen.copy_text" and "ctrl+c" in b.key for b in Screen.BINDINGS)
    assert any(b.action == "copy" and "ctrl+c" in b.key for b in Input.BINDINGS)
    # the system commands include Screenshot in Textual; ours yields none
    assert "Screenshot" in __import__("inspect").getsource(App.get_system_commands)
    assert list(HardenedApp.get_system_commands(app, Screen())) == []  # type: ignore[arg-type]
    # Content wraps with rich._wrap.divide_line, which calls rich._wrap.words
    import rich._wrap
    import textual.content

    assert textual.content.divide_line is rich._wrap.divide_line
    assert "words(text)" in __import__("inspect").getsource(rich._wrap.divide_line)


def test_only_the_tui_package_imports_textual() -> None:
    root = TUI_DIR.parent
    offenders = []
    for path in root.rglob("*.py"):
        if TUI_DIR in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path))
    assert offenders == []


def test_styles_live_in_tcss_files() -> None:
    for path in TUI_DIR.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "CSS = " not in text.replace("DEFAULT_CSS = \"Exchange { height: auto; }\"", ""), path
    assert len(list((TUI_DIR / "styles").glob("*.tcss"))) >= 5


def test_every_tui_string_has_both_languages_and_the_same_placeholders() -> None:
    for key, text in TEXTS.items():
        assert text.zh.strip() and text.en.strip(), key
        assert set(re.findall(r"{(\w+)}", text.zh)) == set(re.findall(r"{(\w+)}", text.en)) or key in (
            "law.no_article",), key
    assert set(re.findall(r"{(\w+)}", TEXTS["law.no_article"].zh)) == {"article"}
    assert set(re.findall(r"{(\w+)}", TEXTS["law.no_article"].en)) == {"article_en"}


def test_every_binding_and_command_is_described_in_both_languages() -> None:
    classes = [RightsbotApp, MainScreen, BrowseScreen, LawScreen, HotlinesScreen, HelpScreen, ArticleView,
               LinkList]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.show or binding.description:
                assert binding.description in TEXTS or binding.action == "help_quit", (cls, binding)
    for command in COMMANDS:
        assert command.title_key in TEXTS and command.help_key in TEXTS
    ids = [c.id for c in COMMANDS]
    assert {"ask", "browse", "law", "hotlines", "language", "clear", "help", "quit"} <= set(ids)
    assert not any("screenshot" in c.id or "screenshot" in c.action for c in COMMANDS)


def test_screen_registry_opens_each_screen() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        for name in SCREENS:
            app.open_screen(name)
            await pilot.pause()
            assert app.screen.id == name
            assert app.screen.query(KeyBar), name
            await pilot.press("escape")
            await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
            assert isinstance(app.screen, MainScreen)

    drive(scenario)


# --------------------------------------------------------------------------- main screen

def test_start_shows_header_welcome_and_focuses_the_question() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, MainScreen)
        assert app.focused is app.screen.query_one("#question")
        header = text_of(app.screen.query_one(AppHeader))
        assert "rightsbot 维权助手" in header and "离线" in header and "不保存任何内容" in header
        assert "快速离开" in text_of(app.screen.query_one(KeyBar))
        assert not app.screen.query_one(CrisisBanner).has_class("-visible")

    drive(scenario)


def test_ask_shows_an_answer_card_with_summary_steps_citations_hotlines() -> None:
    entry = KB.entries[WAGES_ENTRY]

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        card = app.screen.query_one(AnswerCard)
        assert card.entry.id == WAGES_ENTRY
        assert card.title_text == entry.title.zh and card.summary_text == entry.summary.zh
        assert card.body_source == entry.answer.zh
        shown = _screen_text(app)
        assert entry.title.zh in shown and entry.summary.zh[:20] in shown.replace("\n", "")
        # citations are links (rows of the card's one link list), shown as 《法名》第N条
        links = links_of(card)
        citations = [text for text, target in zip(links.link_texts, links.targets) if isinstance(target, ArticleTarget)]
        assert citations and all(re.search(r"《.+》第.+条", text) for text in citations)
        assert [(t.law, t.article) for t in links.targets if isinstance(t, ArticleTarget)] == list(
            dict.fromkeys((c.law, c.article) for c in entry.citations))
        # hotlines are shown between the law and the related topics, and are not links
        assert all(number in rows_text(card) for number in entry.hotlines)
        hotline_rows = [row for row in links.rows if row.content.plain.startswith(entry.hotlines)]
        assert len(hotline_rows) == len(entry.hotlines) and all(row.target is None for row in hotline_rows)
        assert [t.entry_id for t in links.targets if isinstance(t, EntryTarget)] == list(entry.related)
        assert "不是律师意见" in text_of(card.query_one(".card-note", Static))
        assert app.session.current_entry_id == WAGES_ENTRY
        assert app.focused is app.screen.query_one("#question")
        assert app.screen.query_one("#question", Input).value == ""
        assert entry.title.zh in _screen_text(app)

    drive(scenario)


def test_answers_follow_the_app_language_not_the_question_language() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, "my employer has not paid my wages")
        card = app.screen.query_one(AnswerCard)
        assert card.title_text == card.entry.title.zh

    drive(scenario, lang="zh")


def test_empty_question_is_refused_plainly() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, "   ")
        assert not app.screen.query(AnswerCard) and not app.session.exchanges
        assert any("问题是空的" in str(n.message) for n in app._notifications)

    drive(scenario)


def test_question_mark_is_typed_not_help_while_in_the_input() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("w", "h", "y", "question_mark")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one("#question", Input).value == "why?"
        app.set_focus(None)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

    drive(scenario)


def test_crisis_banner_comes_before_anything_else() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, CRISIS)
        banner = app.screen.query_one(CrisisBanner)
        assert banner.has_class("-visible") and banner.display
        text = text_of(banner)
        for number in ("110", "120", "119", "12356"):
            assert number in text
        conversation = app.screen.query_one("#conversation")
        assert banner.region.y < conversation.region.y  # above the conversation, under the header
        assert app.screen.query_one(AnswerCard).entry.id == "safety.emergency"
        lines = _screen_text(app).splitlines()
        first_content = next(i for i, line in enumerate(lines) if line.strip() and "rightsbot" not in line)
        assert "110" in "\n".join(lines[first_content:first_content + 4])
        # the next, ordinary question takes the banner away
        await ask(pilot, WAGES)
        assert not banner.has_class("-visible")

    drive(scenario)


def test_abstain_says_so_offers_closest_topics_and_12348() -> None:
    question = abstaining_question(with_hits=True)
    closest = [h.entry_id for h in INDEX.search(question).hits[:3]]

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, question)
        card = app.screen.query_one(NoEntryCard)
        texts = [text_of(s) for s in card.query(Static)]
        assert any("知识库里没有" in t for t in texts)
        assert any("12348" in t for t in texts)
        assert [target.entry_id for target in links_of(card).targets] == closest  # type: ignore[union-attr]
        assert app.session.current_entry_id is None
        # the closest topics are links: Tab to them, Enter opens the first as an answer
        links_of(card).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query(AnswerCard).last().entry.id == closest[0]

    drive(scenario)


def test_abstain_without_closest_topics_points_to_browse_and_12348() -> None:
    question = abstaining_question(with_hits=False)

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, question)
        texts = " ".join(text_of(s) for s in app.screen.query_one(NoEntryCard).query(Static))
        assert "F3" in texts and "12348" in texts

    drive(scenario)


def test_related_topic_link_opens_that_entry_like_an_answer() -> None:
    entry = next(e for e in KB.entries.values() if e.related)

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        app.post_message(__import__("rightsbot.tui.messages", fromlist=["OpenEntry"]).OpenEntry(entry.id))
        await pilot.pause()
        links = links_of(app.screen.query_one(AnswerCard))
        links.focus()
        # ↓ moves from link to link (headings and hotlines are skipped) to the first related topic
        citations = sum(isinstance(t, ArticleTarget) for t in links.targets)
        await pilot.press(*["down"] * citations)
        assert links.highlighted_target == EntryTarget(entry.related[0])
        await pilot.press("enter")
        await pilot.pause()
        cards = list(app.screen.query(AnswerCard))
        assert [c.entry.id for c in cards] == [entry.id, entry.related[0]]

    drive(scenario)


def test_page_keys_scroll_the_conversation_from_the_input() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        conversation = app.screen.query_one("#conversation")
        before = conversation.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        assert conversation.scroll_y > before
        assert app.focused is app.screen.query_one("#question")

    drive(scenario)


def test_the_whole_card_can_be_scrolled_into_view() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        await pilot.press(*["pagedown"] * 8)
        await pilot.pause()
        shown = _screen_text(app)
        assert "不是律师意见" in shown and "相关主题" in shown  # the note at the end of the card

    drive(scenario)


def test_each_new_answer_is_shown_with_its_question_at_the_top() -> None:
    questions = [WAGES, CRISIS, "被公司辞退了怎么办", WAGES]

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        conversation = app.screen.query_one("#conversation")
        for question in questions:
            await ask(pilot, question)
            latest = app.screen.exchanges()[-1]  # type: ignore[attr-defined]
            assert latest.region.y == conversation.content_region.y, question
            assert question in _screen_text(app)
        # paging back up releases the new answer: the view stays where the person put it
        await pilot.press("pageup")
        await pilot.pause()
        assert latest.region.y > conversation.content_region.y
        assert app.focused is app.screen.query_one("#question")

    drive(scenario)


def folded_text(card: AnswerCard | NoEntryCard) -> str:
    """The plain text of a folded card (one block of text)."""
    from io import StringIO

    from rich.console import Console

    console = Console(width=78, record=True, file=StringIO(), color_system=None)
    console.print(card.query_one(Static).content)
    return console.export_text()


def test_older_cards_are_folded_into_readable_text_and_the_newest_keep_their_links() -> None:
    from rightsbot.tui.screens.main import INTERACTIVE_CARDS

    questions = [WAGES, abstaining_question(with_hits=True), "被公司辞退了怎么办", "工伤认定", CRISIS]
    assert len(questions) > INTERACTIVE_CARDS

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        for question in questions:
            await ask(pilot, question)
        await pilot.pause()
        cards = [exchange.card for exchange in app.screen.exchanges()]  # type: ignore[attr-defined]
        older, newest = cards[:-INTERACTIVE_CARDS], cards[-INTERACTIVE_CARDS:]
        assert all(card.folded and not card.query(LinkList) for card in older)
        assert all(not card.folded and card.query_one(LinkList).targets for card in newest)
        # folded cards stay readable: the title, the steps, the law and the note, as text
        wages = KB.entries[WAGES_ENTRY]
        text = folded_text(older[0])
        assert wages.title.zh in text and "法律依据" in text and "求助电话" in text and "不是律师意见" in text
        assert all(re.search(r"《.+》第.+条", citation_label) for citation_label in
                   [line for line in text.splitlines() if line.strip().startswith("• 《")])
        assert "知识库里没有" in folded_text(older[1]) and "12348" in folded_text(older[1])
        # ... are no longer in the Tab order; the newest cards' links are
        await pilot.press("tab")
        assert isinstance(app.focused, LinkList) and app.focused in newest[0].query(LinkList)
        # ... and follow the language
        await pilot.press("f6")
        await pilot.pause()
        assert wages.title.en in folded_text(older[0]) and "The law" in folded_text(older[0])

    drive(scenario)


def test_clear_leaves_nothing_of_the_conversation_in_memory() -> None:
    """Textual keeps drawn lines of removed widgets (an lru_cache, a cached children list): not ours."""
    import gc

    from rich.segment import Segment
    from textual.strip import Strip
    from textual.widget import Widget

    from rightsbot.tui.widgets.conversation.cards import QuestionLine

    question = "我的老板张三欠我八个月工资怎么办"

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, question)
        await ask(pilot, WAGES)
        await pilot.press("pagedown", "pageup")  # draw more of it
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.pause()
        gc.collect()
        needle = question[2:8]
        kept = [o for o in gc.get_objects() if isinstance(o, (Segment, Strip)) and needle in o.text]
        assert kept == []
        assert [o for o in gc.get_objects() if isinstance(o, QuestionLine) and o.question == question] == []
        conversation_modules = ("rightsbot.tui.widgets.conversation.", "rightsbot.tui.screens.main")
        assert [o for o in gc.get_objects() if isinstance(o, Widget) and not o.is_attached
                and type(o).__module__.startswith(conversation_modules)] == []

    drive(scenario)


# --------------------------------------------------------------------------- citations and the law viewer

def test_citation_in_the_card_opens_the_law_viewer_at_that_article() -> None:
    entry = KB.entries[WAGES_ENTRY]

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        await pilot.press("tab")  # from the input to the card's links, the first citation highlighted
        focused = app.focused
        assert isinstance(focused, LinkList) and isinstance(focused.highlighted_target, ArticleTarget)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LawScreen)
        assert app.screen.law is KB.laws[entry.citations[0].law]
        assert app.screen.number == entry.citations[0].article
        view = app.screen.query_one(ArticleView)
        heading = text_of(view.query_one(".article-heading", Static))
        assert heading == KB.laws[entry.citations[0].law].cite(entry.citations[0].article, "zh")
        article = KB.laws[entry.citations[0].law].article(entry.citations[0].article)
        assert article is not None
        assert text_of(view.query_one(".article-text", Static)) == article.text
        meta = text_of(view.query_one(".law-meta", Static))
        assert KB.laws[entry.citations[0].law].effective_date in meta

    drive(scenario)


def test_arrow_keys_move_between_the_cards_links_and_enter_follows_one() -> None:
    entry = KB.entries[WAGES_ENTRY]
    second = list(dict.fromkeys((c.law, c.article) for c in entry.citations))[1]

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        await pilot.press("tab", "down")
        links = app.focused
        assert isinstance(links, LinkList)
        assert links.highlighted_target == ArticleTarget(*second)
        await pilot.press("up", "up")  # from the first link, up wraps to the last (a related topic)
        assert links.highlighted_target == EntryTarget(entry.related[-1])
        await pilot.press("home", "down", "space")
        await pilot.pause()
        assert isinstance(app.screen, LawScreen)
        assert (app.screen.law.slug, app.screen.number) == second  # type: ignore[union-attr]

    drive(scenario)


def test_side_panel_lists_citations_and_selecting_one_opens_the_law_viewer() -> None:
    entry = KB.entries[WAGES_ENTRY]

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        panel = app.screen.query_one(SidePanel)
        assert not panel.has_class("-visible")
        await pilot.press("f2")
        assert panel.has_class("-visible")
        await ask(pilot, WAGES)
        citations = panel.query_one("#panel-citations", OptionList)
        assert citations.option_count == len({(c.law, c.article) for c in entry.citations})
        assert panel.query_one("#panel-related", OptionList).option_count == len(entry.related)
        citations.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LawScreen)
        second = list(dict.fromkeys((c.law, c.article) for c in entry.citations))[1]
        assert (app.screen.law.slug, app.screen.number) == second  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
        await pilot.press("f2")
        assert not panel.has_class("-visible")

    drive(scenario)


@pytest.mark.parametrize("typed, expected", [("27", 27), ("第二十七条", 27), ("二十七", 27), ("２７", 27)])
def test_law_viewer_jumps_to_an_article_by_number(typed: str, expected: int) -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        app.open_screen("law", law="labor-dispute-mediation-arbitration-law")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LawScreen) and screen.number == ArticleNumber(1)
        await pilot.press("g")
        assert app.focused is screen.query_one("#goto")
        screen.query_one("#goto", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert screen.number == ArticleNumber(expected)
        assert app.focused is screen.query_one(ArticleView)

    drive(scenario)


def test_law_viewer_next_previous_find_and_pick() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        app.open_screen("law", law="labor-dispute-mediation-arbitration-law", article=ArticleNumber(27))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LawScreen)
        await pilot.press("n")
        assert screen.number == ArticleNumber(28)
        await pilot.press("right")
        assert screen.number == ArticleNumber(29)
        await pilot.press("p", "left")
        assert screen.number == ArticleNumber(27)
        # an article that does not exist: say so, stay put
        await pilot.press("g")
        screen.query_one("#goto", Input).value = "999"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.number == ArticleNumber(27)
        assert "没有第九百九十九条" in text_of(screen.query_one("#law-status", Static))
        screen.query_one("#goto", Input).value = "abc"
        await pilot.press("enter")
        assert "不是条文序号" in text_of(screen.query_one("#law-status", Static))
        await pilot.press("escape")  # Esc from an input returns to the article
        assert app.focused is screen.query_one(ArticleView)
        await pilot.pause(QUICK_EXIT_WINDOW + 0.1)
        # find: the matches list, Enter jumps to the article, the text is highlighted
        await pilot.press("slash")
        assert app.focused is screen.query_one("#find")
        needle = "仲裁时效"
        expected = KB.laws["labor-dispute-mediation-arbitration-law"].find(needle)
        screen.query_one("#find", Input).value = needle
        await pilot.press("enter")
        await pilot.pause()
        matches = screen.query_one("#matches", OptionList)
        assert matches.option_count == len(expected) and app.focused is matches
        await pilot.press("enter")
        await pilot.pause()
        assert screen.number == expected[0]
        # pick another law from the list
        await pilot.press("l")
        assert app.focused is screen.query_one("#laws")
        await pilot.press("home", "enter")
        await pilot.pause()
        assert screen.law is next(iter(KB.laws.values()))

    drive(scenario)


def test_law_viewer_without_a_law_starts_on_the_list() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LawScreen) and screen.law is None
        assert app.focused is screen.query_one("#laws")
        await pilot.press("n")
        assert "先在左边选择" in text_of(screen.query_one("#law-status", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.law is not None and screen.number == screen.law.numbers()[0]

    drive(scenario)


# --------------------------------------------------------------------------- browse and hotlines

def test_browse_lists_categories_then_topics_and_filters_as_you_type() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert app.focused is screen.query_one("#browse-filter")
        topics = screen.query_one("#topics", OptionList)
        assert topics.option_count == len(KB.entries) + sum(1 for c in KB.categories if KB.in_category(c))
        assert str(topics.get_option_at_index(0).prompt) == next(iter(KB.categories.values())).name.zh
        await pilot.press(*"wgae")  # a typo of "wage"
        await pilot.pause()
        ids = [topics.get_option_at_index(i).id for i in range(topics.option_count)]
        assert ids and all(i and i.startswith("labor.") for i in ids), ids
        assert "labor.wage-arrears" in ids
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(AnswerCard).entry.id == ids[0]
        assert app.session.exchanges[-1].question is None

    drive(scenario)


def test_browse_filter_with_no_match_says_so_and_enter_opens_the_best() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        app.open_screen("browse")
        await pilot.pause()
        box = app.screen.query_one("#browse-filter", Input)
        box.value = "zzzzqqqq"
        await pilot.pause()
        assert "没有符合的主题" in text_of(app.screen.query_one("#browse-count", Static))
        box.value = "劳动仲裁"
        await pilot.pause()
        best = filter_entries(KB, "劳动仲裁", "zh")[0][0].id
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(AnswerCard).entry.id == best

    drive(scenario)


def test_hotlines_screen_lists_the_directory() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, HotlinesScreen)
        text = _screen_text(app)
        for number in list(KB.hotlines)[:6]:
            assert number in text
        rows = app.screen.query("HotlineRow")
        assert len(rows) == len(KB.hotlines)

    drive(scenario, size=(100, 40))


# --------------------------------------------------------------------------- help, palette, language

def test_help_lists_every_key_the_privacy_promise_its_limits_and_free_help() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one("#help-text", Markdown).source
        for command in COMMANDS:
            if command.key:
                assert command.key in source, command
        for needle in ("Esc Esc", "Ctrl+P", "隐私承诺", "边界", "剪贴板管理器", "不是律师意见", "12348", "法律援助中心"):
            assert needle in source, needle
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

    drive(scenario)


def test_command_palette_offers_the_app_commands_and_no_screenshot() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        listed = app.screen.query_one(CommandList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert len(prompts) == len(COMMANDS)
        assert not any("screenshot" in p.lower() or "截图" in p for p in prompts)
        assert any("按主题浏览" in p for p in prompts)
        await pilot.press(*"screenshot")
        await pilot.pause(0.8)
        listed = app.screen.query_one(CommandList)
        assert not any("screenshot" in str(listed.get_option_at_index(i).prompt).lower()
                       for i in range(listed.option_count))
        # run one: "browse"
        await pilot.press(*(["backspace"] * 10), *"browse")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, BrowseScreen)

    drive(scenario)


def test_language_toggle_changes_every_string_on_every_screen_and_the_answers() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        entry = KB.entries[WAGES_ENTRY]
        card = app.screen.query_one(AnswerCard)
        await pilot.press("f6")
        await pilot.pause()
        assert app.lang == "en"
        assert card.title_text == entry.title.en and card.body_source == entry.answer.en
        assert entry.title.en in _screen_text(app)
        assert "Offline" in text_of(app.screen.query_one(AppHeader))
        assert "Quick exit" in text_of(app.screen.query_one(KeyBar))
        assert app.screen.query_one("#question", Input).placeholder.startswith("Type your question")
        assert "Article" in links_of(card).link_texts[0]
        assert "Hotlines" in rows_text(card) and "Related topics" in rows_text(card)
        for name, needle in (("browse", "Browse topics"), ("law", "Statute texts"),
                             ("hotlines", "Hotlines"), ("help", "Help")):
            app.open_screen(name)
            await pilot.pause()
            assert needle in text_of(app.screen.query_one(AppHeader)), name
            assert "Quick exit" in text_of(app.screen.query_one(KeyBar)), name
            if name != "help":  # the help dialog takes only Esc and F1
                await pilot.press("f6")
                await pilot.pause()
                assert app.lang == "zh"
                assert "快速离开" in text_of(app.screen.query_one(KeyBar)), name
                await pilot.press("f6")
                await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert card.title_text == entry.title.zh
        assert "快速离开" in text_of(app.screen.query_one(KeyBar))

    drive(scenario)


def test_no_visible_text_is_left_in_the_other_language_after_a_toggle() -> None:
    """After switching to English, no Chinese text from the UI's own strings remains on screen."""
    ui_zh = {text.zh for text in TEXTS.values()}

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        await pilot.press("f2", "f6")
        await pilot.pause()
        shown = _screen_text(app)
        leftovers = [s for s in ui_zh if len(s) > 3 and s in shown]
        assert leftovers == []

    drive(scenario, size=(120, 40))


# --------------------------------------------------------------------------- clear, copy, exit

def test_clear_wipes_the_conversation_from_screen_and_memory() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, CRISIS)
        await ask(pilot, WAGES)
        app.screen.query_one("#question", Input).value = "half typed"
        await pilot.press("f2")
        assert len(app.session.exchanges) == 2
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.session.exchanges == []
        assert not app.screen.query(AnswerCard) and not app.screen.query(NoEntryCard)
        assert not app.screen.query_one(CrisisBanner).has_class("-visible")
        assert app.screen.query_one(SidePanel).entry is None
        assert app.screen.query_one("#question", Input).value == ""
        shown = _screen_text(app)
        assert "您的问题：" not in shown and CRISIS not in shown and "110" not in shown
        assert app.session.current_entry_id is None

    drive(scenario)


def test_copy_answer_is_the_only_way_onto_the_clipboard() -> None:
    writes: list[str] = []

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        original = App.copy_to_clipboard

        def spy(self: App, text: str) -> None:
            writes.append(text)
            original(self, text)

        App.copy_to_clipboard = spy  # type: ignore[method-assign]
        try:
            await pilot.press("f7")  # nothing to copy yet
            assert any("还没有可以复制" in str(n.message) for n in app._notifications)
            await ask(pilot, WAGES)
            # selection copy from the input and the screen does nothing
            box = app.screen.query_one("#question", Input)
            box.value = "secret question"
            box.action_select_all()
            await pilot.press("ctrl+c")
            await pilot.press("ctrl+x")
            app.screen.action_copy_text()
            app.copy_to_clipboard("stray")
            assert writes == [] and app.clipboard_writes == 0 and app.clipboard == ""
            await pilot.press("f7")
            await pilot.pause()
            assert writes == [entry_text(KB.entries[WAGES_ENTRY], KB, "zh")]
            assert app.clipboard_writes == 1 and app.clipboard == ""  # no copy kept in memory
            assert any("剪贴板管理器" in str(n.message) for n in app._notifications)
        finally:
            App.copy_to_clipboard = original  # type: ignore[method-assign]

    drive(scenario)


def test_mouse_selection_is_off_and_links_never_open() -> None:
    opened: list[str] = []

    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        assert app.ALLOW_SELECT is False
        await ask(pilot, WAGES)
        for markdown in app.screen.query(Markdown):
            assert markdown._open_links is False
        app._driver.open_url = lambda url, new_tab=True: opened.append(url)  # type: ignore[union-attr]
        app.open_url("https://example.org")
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query_one(Markdown)._open_links is False
        assert opened == []

    drive(scenario)


def test_screenshots_and_file_delivery_write_nothing(tmp_path: Path) -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        app.action_screenshot(filename="x.svg", path=str(tmp_path))
        assert app.deliver_screenshot(filename="x.svg", path=str(tmp_path)) is None
        with pytest.raises(PermissionError):
            app.save_screenshot(filename="x.svg", path=str(tmp_path))
        assert app.deliver_text(__import__("io").StringIO("x"), save_directory=tmp_path) is None
        assert app.deliver_binary(__import__("io").BytesIO(b"x"), save_directory=tmp_path) is None
        await pilot.pause()
        assert list(tmp_path.iterdir()) == []
        assert list(app.get_system_commands(app.screen)) == []

    drive(scenario)


def test_ignored_environment_variables_are_told_once() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        messages = [str(n.message) for n in app._notifications]
        assert len([m for m in messages if "TEXTUAL_LOG" in m]) == 1
        assert "环境变量" in messages[0]

    drive(scenario, ignored_env=("TEXTUAL_LOG", "TEXTUAL_SCREENSHOT"))


def test_ctrl_c_copies_nothing_and_says_how_to_leave() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        app.set_focus(None)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert any("Esc" in str(n.message) for n in app._notifications)
        assert app.clipboard_writes == 0

    drive(scenario)


@pytest.mark.parametrize("where", ["main", "help", "browse", "law", "hotlines", "palette", "law-input"])
def test_quick_exit_twice_escape_leaves_at_once_from_everywhere(where: str) -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        if where == "palette":
            await pilot.press("ctrl+p")
        elif where == "law-input":
            app.open_screen("law", law="constitution")
            await pilot.pause()
            await pilot.press("g")
        elif where != "main":
            app.open_screen(where)
        await pilot.pause()
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.return_code == 0 and app.cleared_on_exit
        assert app.session.exchanges == []

    app = drive(scenario)
    assert app.return_code == 0


def test_one_escape_goes_back_and_does_not_exit() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause(QUICK_EXIT_WINDOW + 0.2)
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.press("escape")
        await pilot.pause(QUICK_EXIT_WINDOW + 0.2)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None

    drive(scenario)


def test_ctrl_q_quits_at_once() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        await ask(pilot, WAGES)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.cleared_on_exit and app.session.exchanges == []

    assert drive(scenario).return_code == 0


def test_key_bar_shows_quick_exit_first_on_every_screen() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        bars = [app.screen.query_one(KeyBar)]
        for name in SCREENS:
            app.open_screen(name)
            await pilot.pause()
            bars.append(app.screen.query_one(KeyBar))
            first = bars[-1].entries()[0]
            assert first == ("Esc Esc", "key.quick_exit"), name
            assert text_of(bars[-1]).lstrip().startswith("Esc Esc"), name
            app.pop_screen()
            await pilot.pause()

    drive(scenario)


def test_theme_toggle_switches_light_and_dark() -> None:
    async def scenario(app: RightsbotApp, pilot: Pilot) -> None:
        assert app.current_theme.dark
        await pilot.press("f9")
        assert not app.current_theme.dark
        await pilot.press("f9")
        assert app.current_theme.dark

    drive(scenario)


def test_questions_asked_before_the_index_is_ready_are_answered_when_it_is() -> None:
    async def main() -> None:
        app = RightsbotApp(KB, lang="zh")  # no index given: it is built in a thread
        async with app.run_test(size=(80, 24)) as pilot:
            app.ask(WAGES)
            await pilot.pause()
            for _ in range(200):
                if app.index is not None:
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            assert app.index is not None
            assert app.session.exchanges and app.session.exchanges[0].entry_id == WAGES_ENTRY

    asyncio.run(main())


# --------------------------------------------------------------------------- Chinese text

def test_chinese_paragraphs_wrap_at_the_full_width() -> None:
    assert cjk.installed()
    text = ("可以拨打 12333 咨询，或到用人单位所在地的人社局劳动保障监察机构当面投诉，写明单位名称、"
            "地址、欠薪时间和金额（《劳动合同法》第八十五条）。")
    lines = [line.plain for line in Content(text).wrap(30)]
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    from rich.cells import cell_len

    assert all(cell_len(line.rstrip()) >= 27 for line in lines[:-1]), lines
    # punctuation that closes stays with the text before it
    assert not any(line.lstrip()[:1] in "，。、）》；：" for line in lines)
    # Latin text still breaks at spaces only
    latin = [line.plain.strip() for line in Content("labour arbitration commission decides").wrap(12)]
    assert latin == ["labour", "arbitration", "commission", "decides"]


# --------------------------------------------------------------------------- crashes and the privacy guard

CRASH_SCRIPT = textwrap.dedent("""
    import sys
    from rightsbot import privacy
    privacy.harden()
    from rightsbot.core.loader import load_content
    from rightsbot.tui.app import RightsbotApp

    class Crashing(RightsbotApp):
        def on_ready(self) -> None:
            secret = "SECRET-LOCAL-VALUE"
            raise ValueError("boom " + secret)

    app = Crashing(load_content(), lang=sys.argv[1], debug=sys.argv[2] == "debug")
    app.run(headless=True, size=(80, 24))
    sys.exit(app.return_code)
""")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_crash_prints_one_generic_line_and_no_traceback(lang: str, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, lang, "nodebug"], capture_output=True, text=True,
                          env=clean_env(), cwd=tmp_path, timeout=120)
    expected = ("rightsbot stopped because of an internal error. Nothing was saved." if lang == "en"
                else "rightsbot 因内部错误停止。没有保存任何内容。")
    assert proc.returncode == 1, proc.stderr
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr and "SECRET" not in proc.stderr and "boom" not in proc.stderr
    assert "SECRET" not in proc.stdout and "PrivacyViolation" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_crash_with_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, "en", "debug"], capture_output=True, text=True,
                          env=clean_env(), cwd=tmp_path, timeout=120)
    assert proc.returncode == 1
    assert "boom" in proc.stderr


HOOK_SCRIPT = textwrap.dedent("""
    import asyncio
    from rightsbot import privacy
    privacy.harden()
    from rightsbot.core.loader import load_content
    from rightsbot.core.laws import ArticleNumber
    from rightsbot.tui.app import RightsbotApp
    from rightsbot.tui.screens.law import LawScreen
    from rightsbot.tui.screens.browse import BrowseScreen
    from rightsbot.tui.widgets.conversation.cards import AnswerCard

    async def main():
        app = RightsbotApp(load_content(), lang="zh", ignored_env=("TEXTUAL_LOG",))
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(400):  # the index is built in a thread, as in real use
                if app.index is not None:
                    break
                await pilot.pause(0.05)
            assert app.index is not None
            await pilot.press(*"老板拖欠工资怎么办", "enter")
            await pilot.pause()
            await pilot.press(*"有人正在打我", "enter")
            await pilot.pause()
            assert len(app.screen.query(AnswerCard)) == 2
            await pilot.press("f7", "f6", "f2")
            await pilot.pause()
            app.open_screen("law", law="labor-dispute-mediation-arbitration-law", article=ArticleNumber(27))
            await pilot.pause()
            assert isinstance(app.screen, LawScreen)
            await pilot.press("n", "slash", *"仲裁", "enter")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause(0.8)
            await pilot.press("escape")
            await pilot.pause(0.8)
            await pilot.press("f3", *"wage")
            await pilot.pause()
            assert isinstance(app.screen, BrowseScreen)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
            await pilot.press("ctrl+l", "ctrl+q")
            await pilot.pause()
        print("TUI-RAN-CLEAN", app.return_code)

    asyncio.run(main())
""")


def test_the_tui_runs_clean_under_the_privacy_guard(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    env = clean_env(home=home)
    proc = subprocess.run([sys.executable, "-c", HOOK_SCRIPT], capture_output=True, text=True, env=env,
                          cwd=work, timeout=180)
    assert "PrivacyViolation" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "TUI-RAN-CLEAN 0" in proc.stdout
    assert list(work.iterdir()) == [] and list(home.iterdir()) == []
    assert str(PACKAGE_PARENT)  # the subprocess imported this checkout


def test_run_app_is_what_the_cli_launches() -> None:
    from rightsbot.cli import tui_launch
    from rightsbot.tui import app as app_module

    assert "run_app" in Path(tui_launch.__file__).read_text(encoding="utf-8")
    assert callable(app_module.run_app)
