"""Links inside the app: a citation opens the law viewer, a topic opens that entry.

All the links of a card are the rows of one :class:`LinkList` (an ``OptionList``): Tab
reaches the list, ↑/↓ move between its links, Enter (or Space, or a click) follows one.
Headings and hotlines are rows too, shown but never selectable. One widget per card
instead of one per link keeps a new answer fast to show (see ``benchmarks/RESULTS.md``).
Links never lead outside the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rightsbot.core.laws import ArticleNumber
from rightsbot.tui.messages import OpenArticle, OpenEntry

if TYPE_CHECKING:
    from textual.message import Message
    from textual.widget import Widget


@dataclass(frozen=True)
class ArticleTarget:
    """A citation: the law viewer at this article."""

    law: str
    """Slug of the law."""
    article: ArticleNumber
    """The article."""

    def message(self) -> Message:
        """The message that opens it."""
        return OpenArticle(self.law, self.article)


@dataclass(frozen=True)
class EntryTarget:
    """A related or suggested topic: that entry, shown like an answer."""

    entry_id: str
    """Id of the entry."""

    def message(self) -> Message:
        """The message that opens it."""
        return OpenEntry(self.entry_id)


Target = ArticleTarget | EntryTarget


@dataclass(frozen=True)
class LinkRow:
    """One row of a :class:`LinkList`: a link when it has a target, else plain text."""

    content: Content
    """What the row shows."""
    target: Target | None = None
    """Where selecting it leads; None for a heading or a hotline (not selectable)."""


class LinkList(OptionList, inherit_bindings=False):
    """A card's links in one focusable list; selecting a row posts OpenArticle / OpenEntry.

    Its own key bindings only (no Page Up / Page Down: those keep scrolling the
    conversation), and when the highlight moves the conversation scrolls to show it.
    """

    BINDINGS = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("enter,space", "select", "key.open", show=False),
    ]

    def __init__(self, rows: list[LinkRow], **kwargs: object) -> None:
        self.rows: list[LinkRow] = list(rows)
        """The rows, in order (``targets`` gives the links only)."""
        super().__init__(*self._make_options(self.rows), **kwargs)  # type: ignore[arg-type]

    @staticmethod
    def _make_options(rows: list[LinkRow]) -> list[Option]:
        return [Option(row.content, disabled=row.target is None) for row in rows]

    @property
    def targets(self) -> list[Target]:
        """Where each link leads, in order (headings and hotlines left out)."""
        return [row.target for row in self.rows if row.target is not None]

    @property
    def link_texts(self) -> list[str]:
        """The text of each link, in order, as shown."""
        return [row.content.plain for row in self.rows if row.target is not None]

    @property
    def highlighted_target(self) -> Target | None:
        """Where the highlighted row leads (None if nothing selectable is highlighted)."""
        index = self.highlighted
        return self.rows[index].target if index is not None and index < len(self.rows) else None

    def set_rows(self, rows: list[LinkRow]) -> None:
        """Replace the rows (a language toggle), keeping the highlight where it was."""
        highlighted = self.highlighted
        self.rows = list(rows)
        self.set_options(self._make_options(self.rows))
        if highlighted is not None and self.option_count:
            self.highlighted = min(highlighted, self.option_count - 1)
        else:
            self.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.rows[event.option_index].target
        if target is not None:
            self.post_message(target.message())

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and self.has_focus:
            self._reveal(highlighted)

    def on_focus(self) -> None:
        if self.highlighted is not None:
            self.call_after_refresh(self._reveal, self.highlighted)

    def _reveal(self, index: int) -> None:
        """Scroll the conversation (not this list, which is as tall as its rows) to show row ``index``."""
        scroller = self._scroller()
        if scroller is None or not self.is_mounted or not self.region:
            return
        try:
            top = self._index_to_line[index]
            height = self._heights[index]
        except (AttributeError, KeyError):  # OptionList internals moved: show the whole list
            self.scroll_visible(animate=False)
            return
        content = self.content_region
        row = Region(content.x, content.y + top - self.scroll_offset.y, content.width, height)
        viewport = scroller.content_region
        virtual = row.translate(scroller.scroll_offset - viewport.offset)
        scroller.scroll_to_region(virtual, animate=False, immediate=True)

    def _scroller(self) -> Widget | None:
        for ancestor in self.ancestors:
            if getattr(ancestor, "allow_vertical_scroll", False) and getattr(ancestor, "is_scrollable", False):
                return ancestor  # type: ignore[return-value]
        return None
