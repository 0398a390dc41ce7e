"""The main screen: the conversation, the question input, the crisis banner, the side panel."""

from __future__ import annotations

import gc
from collections.abc import Awaitable
from contextlib import AbstractContextManager

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
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
from rightsbot.tui.widgets.conversation.log import ConversationLog
from rightsbot.tui.widgets.conversation.side_panel import SidePanel
from rightsbot.tui.widgets.localised import Localised


#: How many of the newest answer cards keep their links selectable; older ones are folded
#: into plain text (still readable), which keeps a long conversation quick to extend.
INTERACTIVE_CARDS = 3


class Exchange(Widget):
    """One question and its answer, as shown (grouped so clear can remove them together)."""

    DEFAULT_CSS = "Exchange { height: auto; }"

    def apply_lang(self, lang: str) -> None:
        """Re-text the question line and the card (the main screen calls this on a toggle)."""
        for child in self.children:
            apply = getattr(child, "apply_lang", None)
            if apply is not None:
                apply(lang)

    @property
    def card(self) -> AnswerCard | NoEntryCard | None:
        """The answer card (or the no-entry card) of this exchange."""
        for child in self.children:
            if isinstance(child, (AnswerCard, NoEntryCard)):
                return child
        return None


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
            with ConversationLog(id="conversation", can_focus=False):
                yield Label("main.welcome", id="welcome")
            yield SidePanel(self.kb, id="side-panel")
        yield PrivateInput(id="question", max_length=2000)
        yield KeyBar()

    def on_mount(self) -> None:
        # Everything alive now (Textual, the knowledge base, the index when it is ready) lives
        # as long as the app: keep it out of the garbage collector's full passes, which
        # otherwise take ~100 ms on the 2-core machine and land in the middle of an answer.
        # Nothing of a conversation exists yet; the freeze ends with the screen.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def apply_lang(self, lang: str) -> None:
        self.query_one("#question", PrivateInput).placeholder = tr("main.input_placeholder", lang)
        for exchange in self.exchanges():
            exchange.apply_lang(lang)

    def exchanges(self) -> list[Exchange]:
        """The exchanges on screen, oldest first."""
        conversation = self.query_one("#conversation", ConversationLog)
        return [child for child in conversation.children if isinstance(child, Exchange)]

    # ------------------------------------------------------------------ showing answers
    def show_answer(self, question: str | None, result: SearchResult | None, entry_id: str | None) -> None:
        """Append one exchange: the question line, then the card (or the no-entry card)."""
        conversation = self.query_one("#conversation", ConversationLog)
        lang = self.app.lang  # type: ignore[attr-defined]
        crisis = bool(result and result.crisis)
        self.query_one("#crisis-banner").set_class(crisis, "-visible")
        children: list[Widget] = [QuestionLine(question, lang)]
        entry = self.kb.entry(entry_id) if entry_id else None
        if entry is not None:
            children.append(AnswerCard(entry, self.kb, lang))
        elif result is not None:
            children.append(NoEntryCard(result, self.kb, lang))
        exchange = Exchange(*children)
        self.latest = exchange
        self.query_one("#welcome").display = False
        # Draw the exchange once, complete: hold the frame until all of its widgets are
        # mounted (else Textual may lay out and draw while the card's widgets are starting),
        # with its question at the top of the conversation in that very frame.
        hold = self.app.batch_update()
        hold.__enter__()
        mounting = conversation.mount(exchange)
        conversation.pin(exchange)
        self.query_one(SidePanel).show_entry(entry)
        self.call_next(self._draw_when_mounted, mounting, hold)

    async def _draw_when_mounted(self, mounting: Awaitable[None],
                                 hold: AbstractContextManager[None]) -> None:
        try:
            await mounting
        finally:
            hold.__exit__(None, None, None)
            self.query_one("#conversation", ConversationLog).refresh(layout=True)
        self.call_after_refresh(self.fold_older)  # once the new answer is on screen

    async def fold_older(self) -> None:
        """Fold every card but the newest :data:`INTERACTIVE_CARDS` into plain text."""
        for exchange in self.exchanges()[:-INTERACTIVE_CARDS]:
            card = exchange.card
            if card is not None and not card.folded:
                await card.fold()

    def scroll_to_latest(self) -> None:
        """Put the latest question at the top of the conversation."""
        if self.latest is not None and self.latest.is_attached:
            self.query_one("#conversation", ConversationLog).pin(self.latest)

    def wipe(self) -> None:
        """Remove every exchange from the screen; hide the banner; empty the panel and input."""
        conversation = self.query_one("#conversation", ConversationLog)
        conversation.pin(None)
        conversation.forget(self.exchanges())
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
        self.query_one(SidePanel).toggle()

    def action_scroll_conversation(self, direction: int) -> None:
        """Page the conversation up or down without leaving the input."""
        conversation = self.query_one("#conversation", ConversationLog)
        if direction < 0:
            conversation.scroll_page_up(animate=False)
        else:
            conversation.scroll_page_down(animate=False)

    def action_back(self) -> None:
        """Esc on the main screen: back to the question input."""
        self.query_one("#question", PrivateInput).focus()
