"""The main screen: the conversation, the question input, the crisis banner, the side panel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget

from rightsbot.core.model import KnowledgeBase
from rightsbot.search import SearchResult
from rightsbot.tui.screens.base import BackMixin
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.inputs import PrivateInput
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.conversation.banner import CrisisBanner
from rightsbot.tui.widgets.conversation.cards import AnswerCard, Label, NoEntryCard, QuestionLine
from rightsbot.tui.widgets.conversation.side_panel import SidePanel
from rightsbot.tui.widgets.localised import Localised


class Exchange(Widget):
    """One question and its answer, as shown (grouped so clear can remove them together)."""

    DEFAULT_CSS = "Exchange { height: auto; }"

    def on_mount(self) -> None:
        self.call_after_refresh(self.screen.scroll_to_latest)  # type: ignore[attr-defined]


class MainScreen(Localised, BackMixin, Screen[None]):
    """Ask, read the answer, follow its links. Everything here lives only in memory."""

    AUTO_FOCUS = "#question"
    BINDINGS = [
        Binding("f2", "toggle_panel", "key.panel", key_display="F2"),
        Binding("pageup", "scroll_conversation(-1)", "key.scroll", show=False),
        Binding("pagedown", "scroll_conversation(1)", "key.scroll", show=False),
        Binding("escape", "back", "key.back", show=False),
    ]

    def __init__(self, kb: KnowledgeBase) -> None:
        super().__init__(id="main")
        self.kb = kb
        """The knowledge base answers come from."""
        self.latest: Exchange | None = None
        """The newest exchange on screen."""

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield CrisisBanner(id="crisis-banner")
        with Horizontal(id="body"):
            with VerticalScroll(id="conversation", can_focus=False):
                yield Label("main.welcome", id="welcome")
            yield SidePanel(self.kb, id="side-panel")
        yield PrivateInput(id="question", max_length=2000)
        yield KeyBar()

    def apply_lang(self, lang: str) -> None:
        self.query_one("#question", PrivateInput).placeholder = tr("main.input_placeholder", lang)

    # ------------------------------------------------------------------ showing answers
    def show_answer(self, question: str | None, result: SearchResult | None, entry_id: str | None) -> None:
        """Append one exchange: the question line, then the card (or the no-entry card)."""
        conversation = self.query_one("#conversation", VerticalScroll)
        crisis = bool(result and result.crisis)
        self.query_one("#crisis-banner").set_class(crisis, "-visible")
        children: list[Widget] = [QuestionLine(question)]
        entry = self.kb.entry(entry_id) if entry_id else None
        if entry is not None:
            children.append(AnswerCard(entry, self.kb))
        elif result is not None:
            children.append(NoEntryCard(result, self.kb))
        exchange = Exchange(*children)
        self.latest = exchange
        self.query_one("#welcome").display = False
        conversation.mount(exchange)
        self.query_one(SidePanel).show_entry(entry)

    def scroll_to_latest(self) -> None:
        """Put the latest question at the top of the conversation."""
        if self.latest is not None and self.latest.is_attached:
            self.query_one("#conversation", VerticalScroll).scroll_to_widget(
                self.latest, top=True, animate=False)

    def wipe(self) -> None:
        """Remove every exchange from the screen; hide the banner; empty the panel and input."""
        for exchange in self.query(Exchange):
            exchange.remove()
        self.latest = None
        self.query_one("#welcome").display = True
        self.query_one("#crisis-banner").remove_class("-visible")
        self.query_one(SidePanel).show_entry(None)
        question = self.query_one("#question", PrivateInput)
        question.clear()
        question.focus()

    # ------------------------------------------------------------------ events and actions
    def on_input_submitted(self, event: PrivateInput.Submitted) -> None:
        if event.input.id != "question":
            return
        event.stop()
        question = event.value
        event.input.clear()
        self.app.ask(question)  # type: ignore[attr-defined]

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel."""
        self.query_one(SidePanel).toggle_class("-visible")

    def action_scroll_conversation(self, direction: int) -> None:
        """Page the conversation up or down without leaving the input."""
        conversation = self.query_one("#conversation", VerticalScroll)
        if direction < 0:
            conversation.scroll_page_up(animate=False)
        else:
            conversation.scroll_page_down(animate=False)

    def action_back(self) -> None:
        """Esc on the main screen: back to the question input."""
        self.query_one("#question", PrivateInput).focus()
