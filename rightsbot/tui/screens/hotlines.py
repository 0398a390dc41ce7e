"""The hotline directory, from the knowledge base."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from rightsbot.core.model import Hotline
from rightsbot.tui.screens.base import AppScreen
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.conversation.cards import Label
from rightsbot.tui.widgets.localised import Localised


class HotlineRow(Localised, Static):
    """One number: who answers, what to call it for."""

    DEFAULT_CLASSES = "hotline-row"

    def __init__(self, hotline: Hotline, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hotline = hotline
        """The directory entry shown."""

    def apply_lang(self, lang: str) -> None:
        hotline = self.hotline
        self.update(Content.assemble((f"{hotline.number:<6}", "bold"), " ", (hotline.name.get(lang), "bold"),
                                     "\n       ", hotline.purpose.get(lang)))


class HotlinesScreen(AppScreen):
    """Every number in ``content/hotlines.yaml``, emergencies first (the file's order)."""

    AUTO_FOCUS = "#hotline-list"

    def __init__(self, **_: object) -> None:
        super().__init__(id="hotlines")

    def compose(self) -> ComposeResult:
        yield AppHeader("hotlines.title")
        with VerticalScroll(id="hotline-list", can_focus=True):
            yield Label("hotlines.note", classes="note")
            for hotline in self.app.kb.hotlines.values():  # type: ignore[attr-defined]
                yield HotlineRow(hotline)
        yield KeyBar()
