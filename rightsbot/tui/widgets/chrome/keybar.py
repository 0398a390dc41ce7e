"""The footer: the keys that work here, in the current language, quick exit always first."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from rightsbot.tui.strings import TEXTS, tr
from rightsbot.tui.widgets.localised import Localised

#: The description (string key) of the quick-exit binding; always shown first.
QUICK_EXIT_KEY = "key.quick_exit"
#: Footer order (a narrow terminal shows the first ones); keys not listed come last.
ORDER = ("key.quick_exit", "key.back", "key.previous", "key.help", "key.language", "key.clear", "key.copy",
         "key.browse", "key.law", "key.hotlines", "key.panel", "key.next_article", "key.prev_article",
         "key.goto", "key.find", "key.pick_law", "key.commands")


class KeyBar(Localised, Static):
    """A one-line footer built from the active bindings that have ``show=True``.

    Binding descriptions are string keys (``key.help`` ...), translated here, so the
    footer follows the language toggle. The quick-exit key comes first on every screen.
    """

    DEFAULT_CLASSES = "key-bar"

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.apply_lang(self.app.lang)  # type: ignore[attr-defined]

    def entries(self) -> list[tuple[str, str]]:
        """(key as shown, description string key) pairs in :data:`ORDER`, quick exit first."""
        app = self.app
        found: dict[str, str] = {}
        quick = next((b for b in app._bindings.key_to_bindings.get("escape", ())
                      if b.description == QUICK_EXIT_KEY), None)
        if quick is not None:
            found[QUICK_EXIT_KEY] = quick.key_display or "Esc Esc"
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.show and binding.description in TEXTS and binding.description not in found:
                found[binding.description] = binding.key_display or app.get_key_display(binding)
        rank = {key: i for i, key in enumerate(ORDER)}
        ordered = sorted(found, key=lambda key: rank.get(key, len(ORDER)))
        return [(found[key], key) for key in ordered]

    def apply_lang(self, lang: str) -> None:
        parts: list[tuple[str, str] | str] = []
        for key, description in self.entries():
            parts += [(f" {key} ", "reverse bold"), f" {tr(description, lang)} "]
        self.update(Content.assemble(*parts))
