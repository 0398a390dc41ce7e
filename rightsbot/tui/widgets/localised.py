"""The one rule every visible widget follows: re-text itself when the language changes."""

from __future__ import annotations


class Localised:
    """Mixin for widgets and screens whose text depends on ``app.lang``.

    Textual calls ``on_mount`` of every class in the MRO, so subclasses may define their
    own ``on_mount`` as well. :meth:`apply_lang` runs once on mount and again on each
    language toggle.
    """

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self.apply_lang)  # type: ignore[attr-defined]

    def apply_lang(self, lang: str) -> None:
        """Set every text this widget shows from the strings, in ``lang``."""
        raise NotImplementedError
