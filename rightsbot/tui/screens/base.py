"""What every screen of the app shares: the header, the key bar, Esc to go back."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Input


class BackMixin:
    """Esc goes back one level: from an input to the screen's main widget, else off the screen."""

    #: Selector of the widget Esc returns focus to from an input, or None.
    HOME_FOCUS: str | None = None

    def action_back(self) -> None:
        """Leave the input, or close this screen."""
        screen: Any = self
        focused = screen.focused
        if self.HOME_FOCUS and isinstance(focused, Input):
            screen.query_one(self.HOME_FOCUS).focus()
            return
        screen.dismiss()

    def action_copy_text(self) -> None:
        """Selection copy (Screen's ctrl+c) is disabled for privacy."""
        screen: Any = self
        screen.app.action_help_quit()


class AppScreen(BackMixin, Screen[None]):
    """A full screen opened on top of the conversation."""

    BINDINGS = [Binding("escape", "back", "key.back", key_display="Esc")]


class AppModal(BackMixin, ModalScreen[None]):
    """A dialog."""

    BINDINGS = [Binding("escape", "back", "key.back", key_display="Esc")]
