"""The header: what this is, that it is offline and saves nothing, and where you are."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.localised import Localised


class AppHeader(Localised, Static):
    """One or two lines at the top of every screen."""

    DEFAULT_CLASSES = "app-header"

    def __init__(self, section_key: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.section_key = section_key
        """String key of the screen's name, or None on the main screen."""

    def apply_lang(self, lang: str) -> None:
        parts: list[tuple[str, str] | str] = [(tr("header.title", lang), "bold")]
        if self.section_key:
            parts += [" › ", (tr(self.section_key, lang), "bold")]
        parts += ["  ", (tr("header.privacy" if self.section_key else "app.tagline", lang), "italic")]
        self.update(Content.assemble(*parts))
