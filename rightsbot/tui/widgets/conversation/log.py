"""The scrolling conversation: shows the newest exchange at its top in the same frame it is
laid out, and forgets removed exchanges completely."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.widget import Widget


class ConversationLog(VerticalScroll):
    """The conversation. :meth:`pin` keeps one exchange at the top until the person scrolls.

    Scrolling to a new exchange *after* it is laid out (``call_after_refresh`` +
    ``scroll_to_widget``) costs a second frame, and in a long conversation the first frame
    shows nothing new (the exchange is below the fold). Instead the scroll position is set
    while the children are arranged, before that frame is drawn, the way Textual's own
    ``anchor()`` keeps a log at its bottom. Any other scroll (Page Up/Down, the mouse, Tab
    to a link) releases the pin.
    """

    def __init__(self, *children: Widget, **kwargs: object) -> None:
        super().__init__(*children, **kwargs)  # type: ignore[arg-type]
        self.pinned: Widget | None = None
        """The child kept at the top of the view, or None."""

    def pin(self, child: Widget | None) -> None:
        """Keep ``child`` at the top of the view from its first frame on (None: stop)."""
        self.pinned = child
        if child is not None:
            self.refresh(layout=True)

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        result = super().arrange(size, optimal)
        pinned = self.pinned
        if pinned is None or optimal:
            return result
        if not pinned.is_attached:
            self.pinned = None
            return result
        for placement in result.placements:
            if placement.widget is pinned:
                top = placement.region.y - placement.margin.top
                bottom = result.spatial_map.total_region.bottom
                y = max(0, min(top, bottom - size.height))
                self.set_reactive(VerticalScroll.scroll_y, y)
                self.set_reactive(VerticalScroll.scroll_target_y, y)
                self.vertical_scrollbar.set_reactive(type(self.vertical_scrollbar).position, y)
                break
        return result

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.pinned = None  # scrolled by the person (or by focus): stop holding the view

    def forget(self, children: Iterable[Widget], *, collect: bool = True) -> None:
        """Remove ``children`` and everything Textual still keeps of them.

        Textual 8.2 keeps what it drew of a removed widget: each widget's cache of drawn
        lines stays referenced from an ``lru_cache`` in ``textual._styles_cache`` (up to
        1024 widgets), and a container keeps its list of displayed children from before the
        removal until someone asks again. In a conversation those lines are the person's
        questions. So: empty each widget's drawn lines first (``refresh`` does), remove,
        ask for the displayed children again, and (``collect``) let the garbage collector
        free the removed widgets now rather than at some later full pass.
        """
        children = list(children)
        if not children:
            return
        for child in children:
            for widget in child.walk_children(with_self=True):
                widget.refresh()
        removing = self.remove_children(children)

        async def forgotten() -> None:
            await removing
            self.displayed_children  # noqa: B018 - refreshes Textual's cached list
            if collect:
                gc.collect()

        self.call_next(forgotten)
