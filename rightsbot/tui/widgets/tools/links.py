"""Links in the tools' results: Tab to reach, Enter to follow; they never lead outside the app.

* :class:`ArticleLink`  an article, with the quote relied on: opens the law viewer there
* :class:`EntryLink`    a knowledge-base entry: shows it in the conversation, like an answer
* :class:`ActionLink`   anything else the app can do (open the calculator at a rule and date)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from rightsbot.core.laws import Law
from rightsbot.core.model import Citation, LocalText
from rightsbot.tui.messages import OpenArticle, OpenEntry
from rightsbot.tui.widgets.localised import Localised

#: The marker in front of every link.
MARK = "▸ "


class ToolLink(Localised, Static):
    """A focusable link; Enter, Space or a click follows it."""

    can_focus = True
    DEFAULT_CLASSES = "link"
    BINDINGS = [Binding("enter,space", "follow", "key.open", show=False)]

    def action_follow(self) -> None:
        """Do what the link says."""
        raise NotImplementedError

    def on_click(self) -> None:
        self.action_follow()

    def label(self, lang: str) -> str:
        """The link text in ``lang`` (what a test reads)."""
        raise NotImplementedError

    def apply_lang(self, lang: str) -> None:
        self.update(Content.assemble((MARK, "bold"), (self.label(lang), "underline")))


class ArticleLink(ToolLink):
    """《法名》第N条, with the words relied on beneath it; opens the law viewer at that article."""

    DEFAULT_CLASSES = "link article-link"

    def __init__(self, citation: Citation, laws: Mapping[str, Law], *, quote: bool = True,
                 **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.citation = citation
        """The article linked to, with its verbatim quote."""
        self.laws = laws
        """Where the law's title comes from."""
        self.quote = quote and bool(citation.quote)
        """Whether to show the quote (once per result is enough)."""

    def label(self, lang: str) -> str:
        law = self.laws.get(self.citation.law)
        if law is None:
            return f"{self.citation.law} {self.citation.article.key}"
        return law.cite(self.citation.article, lang)

    def apply_lang(self, lang: str) -> None:
        parts: list[tuple[str, str] | str] = [(MARK, "bold"), (self.label(lang), "underline")]
        if self.quote and self.citation.quote:
            parts += ["\n  ", (f"“{self.citation.quote}”", "italic")]
        self.update(Content.assemble(*parts))

    def action_follow(self) -> None:
        self.post_message(OpenArticle(self.citation.law, self.citation.article))


class EntryLink(ToolLink):
    """An entry's title; shows the entry in the conversation, like an answer."""

    def __init__(self, entry_id: str, title: LocalText, prefix: LocalText | None = None,
                 **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entry_id = entry_id
        """The entry linked to."""
        self.title = title
        """Its title."""
        self.prefix = prefix
        """Words before the title (``详细阅读：``), if any."""

    def label(self, lang: str) -> str:
        return (self.prefix.get(lang) if self.prefix else "") + self.title.get(lang)

    def action_follow(self) -> None:
        self.post_message(OpenEntry(self.entry_id))


class ActionLink(ToolLink):
    """A link that runs a callback (e.g. open the calculator at a rule and a date)."""

    def __init__(self, text: Callable[[str], str], follow: Callable[[], None], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.text = text
        """Builds the link text for a language."""
        self.follow = follow
        """What following the link does."""

    def label(self, lang: str) -> str:
        return self.text(lang)

    def action_follow(self) -> None:
        self.follow()
