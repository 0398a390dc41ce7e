"""The side panel: the current answer's citations, related topics and hotlines."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rightsbot.core.model import Entry, KnowledgeBase
from rightsbot.core.render import citation_label, unique_citations
from rightsbot.tui.messages import OpenArticle, OpenEntry
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.conversation.cards import Label, hotline_lines
from rightsbot.tui.widgets.localised import Localised


class SidePanel(Localised, VerticalScroll):
    """Toggled with F2. Selecting a citation opens the law viewer at that article."""

    DEFAULT_CLASSES = "side-panel"

    def __init__(self, kb: KnowledgeBase, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.kb = kb
        """The knowledge base."""
        self.entry: Entry | None = None
        """The entry whose details are shown (the current answer), or None."""
        self._stale = False

    def compose(self) -> ComposeResult:
        yield Label("panel.title", bold=True, classes="panel-title")
        yield Label("panel.empty", id="panel-empty")
        yield Label("heading.citations", bold=True, classes="panel-heading")
        yield OptionList(id="panel-citations")
        yield Label("heading.related", bold=True, classes="panel-heading")
        yield OptionList(id="panel-related")
        yield Label("heading.hotlines", bold=True, classes="panel-heading")
        yield Static(id="panel-hotlines")

    @property
    def shown(self) -> bool:
        """Whether the panel is open (F2)."""
        return self.has_class("-visible")

    def show_entry(self, entry: Entry | None) -> None:
        """Show the details of ``entry`` (None: nothing yet).

        While the panel is closed only the entry is remembered; its lists are filled when
        it opens (filling them costs a restyle and a layout, which a new answer should not wait for).
        """
        self.entry = entry
        self.apply_lang(self.app.lang)  # type: ignore[attr-defined]

    def toggle(self) -> None:
        """Open or close the panel (filled with the current answer's details as it opens)."""
        if not self.shown and self._stale:
            self._fill(self.app.lang)  # type: ignore[attr-defined]
        self.toggle_class("-visible")

    def apply_lang(self, lang: str) -> None:
        if not self.shown:
            self._stale = True
            return
        self._fill(lang)

    def _fill(self, lang: str) -> None:
        self._stale = False
        entry, kb = self.entry, self.kb
        self.set_class(entry is None, "-empty")
        citations = self.query_one("#panel-citations", OptionList)
        related = self.query_one("#panel-related", OptionList)
        citations.clear_options()
        related.clear_options()
        if entry is None:
            self.query_one("#panel-hotlines", Static).update("")
            return
        citations.add_options([Option(citation_label(c, kb, lang), id=f"{c.law}|{c.article.key}")
                               for c in unique_citations(entry)])
        related.add_options([Option(kb.entries[r].title.get(lang), id=r) for r in entry.related if r in kb.entries])
        self.query_one("#panel-hotlines", Static).update(hotline_lines(entry.hotlines, kb, lang))
        for options in (citations, related):
            options.highlighted = 0 if options.option_count else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if event.option_list.id == "panel-citations":
            from rightsbot.core.laws import ArticleNumber

            law, _, article = option_id.partition("|")
            self.post_message(OpenArticle(law, ArticleNumber.parse(article)))
        elif event.option_list.id == "panel-related":
            self.post_message(OpenEntry(option_id))
