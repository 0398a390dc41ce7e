"""Links inside the app: a citation opens the law viewer, a topic opens that entry.

They are focusable lines (Tab to reach, Enter to follow), so no mouse is needed. They
never lead outside the app.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from rightsbot.core.model import Citation, KnowledgeBase
from rightsbot.core.render import citation_label
from rightsbot.tui.messages import OpenArticle, OpenEntry
from rightsbot.tui.widgets.localised import Localised


class Link(Localised, Static):
    """A focusable one-line link; Enter (or a click) follows it."""

    can_focus = True
    DEFAULT_CLASSES = "link"
    BINDINGS = [Binding("enter,space", "follow", "key.open", show=False)]

    def action_follow(self) -> None:
        """Post the message that opens the target."""
        raise NotImplementedError

    def on_click(self) -> None:
        self.action_follow()

    def show(self, text: str) -> None:
        """Set the visible text with the link marker."""
        self.update(Content.assemble(("▸ ", "bold"), (text, "underline")))


class CitationLink(Link):
    """《法名》第N条 — opens the law viewer at that article."""

    def __init__(self, citation: Citation, kb: KnowledgeBase, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.citation = citation
        """The article linked to."""
        self.kb = kb
        """Where the law's title comes from."""

    def apply_lang(self, lang: str) -> None:
        self.show(citation_label(self.citation, self.kb, lang))

    def action_follow(self) -> None:
        self.post_message(OpenArticle(self.citation.law, self.citation.article))


class TopicLink(Link):
    """A related or suggested topic — opens that entry like an answer."""

    def __init__(self, entry_id: str, kb: KnowledgeBase, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entry_id = entry_id
        """The entry linked to."""
        self.kb = kb
        """Where the entry's title comes from."""

    def apply_lang(self, lang: str) -> None:
        entry = self.kb.entry(self.entry_id)
        self.show(entry.title.get(lang) if entry else self.entry_id)

    def action_follow(self) -> None:
        self.post_message(OpenEntry(self.entry_id))
