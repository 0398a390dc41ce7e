"""What the app offers: its commands (palette, help, keys) and its screens.

This is the one place to add a screen. A screen (the deadline calculator and the guided
triage were added this way) needs three lines here:

1. a :class:`ScreenSpec` in :data:`SCREENS` (name, title string key, factory);
2. an :class:`AppCommand` in :data:`COMMANDS` whose action is ``open_screen('NAME')``;
3. optionally a key in ``RightsbotApp.BINDINGS`` with the same action;

plus its strings in ``strings.py`` and its styles in ``styles/`` (listed in ``app.STYLES``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class ScreenSpec:
    """A screen the app can open by name."""

    name: str
    """Registry name, used in actions: ``open_screen('law')``."""
    title_key: str
    """String key of its title (header, help)."""
    factory: Callable[..., "Screen[Any]"]
    """Builds the screen; keyword arguments come from the caller (e.g. law and article)."""
    opens_over: tuple[str, ...] = ()
    """Screens it opens on top of, so Esc goes back to them (the law viewer over the deadline
    result); from any other screen it opens over the conversation."""


@dataclass(frozen=True)
class AppCommand:
    """A command of the command palette (ctrl+p), listed in help as well."""

    id: str
    """Short name: ``ask``, ``browse`` ..."""
    title_key: str
    """String key of the command's name."""
    help_key: str
    """String key of its one-line explanation."""
    action: str
    """The app action it runs, e.g. ``open_screen('browse')``."""
    key: str = ""
    """The key that does the same, as shown (``F3``), or empty."""


def _browse(**kwargs: Any) -> "Screen[Any]":
    from .screens.browse import BrowseScreen

    return BrowseScreen(**kwargs)


def _law(**kwargs: Any) -> "Screen[Any]":
    from .screens.law import LawScreen

    return LawScreen(**kwargs)


def _hotlines(**kwargs: Any) -> "Screen[Any]":
    from .screens.hotlines import HotlinesScreen

    return HotlinesScreen(**kwargs)


def _deadline(**kwargs: Any) -> "Screen[Any]":
    from .screens.deadline import DeadlineScreen

    return DeadlineScreen(**kwargs)


def _guide(**kwargs: Any) -> "Screen[Any]":
    from .screens.guide import GuideScreen

    return GuideScreen(**kwargs)


def _help(**kwargs: Any) -> "Screen[Any]":
    from .screens.help import HelpScreen

    return HelpScreen(**kwargs)


#: Screens opened on top of the conversation (the main screen is always at the bottom).
SCREENS: dict[str, ScreenSpec] = {spec.name: spec for spec in (
    ScreenSpec("browse", "browse.title", _browse),
    ScreenSpec("law", "law.title", _law, opens_over=("deadline",)),
    ScreenSpec("hotlines", "hotlines.title", _hotlines),
    ScreenSpec("deadline", "deadline.title", _deadline, opens_over=("guide",)),
    ScreenSpec("guide", "guide.title", _guide),
    ScreenSpec("help", "help.title", _help),
)}

#: The command palette's commands, in the order shown. No screenshot command, ever.
COMMANDS: list[AppCommand] = [
    AppCommand("ask", "cmd.ask", "cmd.ask.help", "ask_focus", "Enter"),
    AppCommand("browse", "cmd.browse", "cmd.browse.help", "open_screen('browse')", "F3"),
    AppCommand("law", "cmd.law", "cmd.law.help", "open_screen('law')", "F4"),
    AppCommand("hotlines", "cmd.hotlines", "cmd.hotlines.help", "open_screen('hotlines')", "F5"),
    AppCommand("deadline", "cmd.deadline", "cmd.deadline.help", "open_screen('deadline')", "F8"),
    AppCommand("guide", "cmd.guide", "cmd.guide.help", "open_screen('guide')", "F10"),
    AppCommand("language", "cmd.language", "cmd.language.help", "toggle_language", "F6"),
    AppCommand("copy", "cmd.copy", "cmd.copy.help", "copy_answer", "F7"),
    AppCommand("panel", "cmd.panel", "cmd.panel.help", "toggle_panel", "F2"),
    AppCommand("clear", "cmd.clear", "cmd.clear.help", "clear", "Ctrl+L"),
    AppCommand("theme", "cmd.theme", "cmd.theme.help", "toggle_theme", "F9"),
    AppCommand("help", "cmd.help", "cmd.help.help", "open_screen('help')", "F1"),
    AppCommand("quit", "cmd.quit", "cmd.quit.help", "quick_exit", "Esc Esc"),
]
