"""A static text whose words come from a function of the language, re-run on each toggle."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.widgets import Static

from rightsbot.tui.widgets.localised import Localised

#: What a :class:`LiveText` shows: plain text or styled content, for one language.
Render = Callable[[str], "str | Content"]


class LiveText(Localised, Static):
    """A block of text built by ``render(lang)``; the language toggle re-renders it."""

    def __init__(self, render: Render, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.render_text = render
        """Builds the text for a language (``zh`` or ``en``)."""

    def apply_lang(self, lang: str) -> None:
        self.update(self.render_text(lang))

    def plain(self, lang: str) -> str:
        """The text as shown in ``lang``, without styles (for tests and checks)."""
        text = self.render_text(lang)
        return text.plain if isinstance(text, Content) else text
