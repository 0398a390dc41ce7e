"""A Textual ``App`` base with every way of leaking the session closed.

People who use rightsbot may be watched. Textual is built for developers and offers
screenshots, file delivery, clipboard copy of any selection, link opening and detailed
tracebacks with local variables; each is closed here:

* no "Screenshot" system command, and ``action_screenshot`` / ``save_screenshot`` /
  ``deliver_screenshot`` / ``deliver_text`` / ``deliver_binary`` write nothing;
* ``open_url`` opens nothing (links are shown, never followed);
* the clipboard is written only inside :meth:`HardenedApp.copy_explicitly` (the one
  "copy answer" action); selection copy (Screen ``ctrl+c``, Input copy/cut) is dropped,
  mouse text selection is off, and the app keeps no local clipboard text;
* an unhandled error prints one generic line (``error.internal``), with no traceback or
  local variables unless ``debug`` is set;
* leaving clears the (alternate) screen first, so nothing of the session is left.

Several overrides touch private Textual API (``_handle_exception``, ``_exit_renderables``,
``_close_messages_no_wait``, ``_driver``); ``tests/test_tui.py`` pins the Textual version
and checks each one still exists and still works.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.segment import Segments
from rich.text import Text
from textual.app import App, SystemCommand
from textual.screen import Screen

from rightsbot.core.strings import t

#: What is written to the terminal before leaving: clear the screen and its scrollback,
#: cursor home. Textual then leaves the alternate screen.
CLEAR_SEQUENCE = "\x1b[2J\x1b[3J\x1b[H"
#: The Textual minor version these overrides were written and tested against.
PINNED_TEXTUAL = "8.2."


class HardenedApp(App[int]):
    """``App`` with screenshots, file delivery, link opening and stray copying disabled."""

    ALLOW_SELECT: ClassVar[bool] = False
    """No mouse text selection: a selection could be copied and kept by the terminal."""

    def __init__(self, *, debug: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.debug_errors = debug
        """Show full tracebacks on an internal error (``--debug``)."""
        self._explicit_copy = False
        self.clipboard_writes = 0
        """How many times text was put on the clipboard (tests check it stays at one per copy)."""
        self.cleared_on_exit = False
        """Whether the screen was cleared before leaving."""

    # ------------------------------------------------------------------ screenshots & files
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """No Textual system commands at all (no Screenshot, no Theme, no Keys panel).

        The app's own commands come from its command provider instead.
        """
        return iter(())

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Screenshots are disabled: they would write the session to a file."""

    def save_screenshot(self, filename: str | None = None, path: str | None = None,
                        time_format: str | None = None) -> str:
        """Refuse: a screenshot file would keep the session."""
        raise PermissionError("rightsbot never writes screenshots")

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Screenshots are never delivered."""
        return None

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        """No file is ever delivered (saved to Downloads)."""
        return None

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        """No file is ever delivered (saved to Downloads)."""
        return None

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Links are shown, never opened: a browser would leave history and reach the network."""

    # ------------------------------------------------------------------ clipboard
    def copy_to_clipboard(self, text: str) -> None:
        """Write the clipboard only from :meth:`copy_explicitly`; drop every other copy."""
        if not self._explicit_copy:
            return
        super().copy_to_clipboard(text)
        self._clipboard = ""  # keep no copy of the text in the app's memory
        self.clipboard_writes += 1

    def copy_explicitly(self, text: str) -> None:
        """Put ``text`` on the clipboard: the one path that may (the "copy answer" action)."""
        self._explicit_copy = True
        try:
            self.copy_to_clipboard(text)
        finally:
            self._explicit_copy = False

    def action_help_quit(self) -> None:
        """ctrl+c: copies nothing and quits nothing; say how to leave instead."""
        lang = getattr(self, "lang", "en")
        from .strings import tr

        self.notify(tr("quit.hint", lang), timeout=4)

    # ------------------------------------------------------------------ leaving
    def clear_terminal(self) -> None:
        """Blank the screen (and scrollback) the app is drawn on, before leaving it."""
        driver = self._driver
        if driver is not None and not self.is_headless:
            try:
                driver.write(CLEAR_SEQUENCE)
                driver.flush()
            except Exception:  # noqa: BLE001 - leaving must never fail
                pass
        self.cleared_on_exit = True

    def exit(self, result: int | None = None, return_code: int = 0, message: Any = None) -> None:
        """Clear the screen, then exit (any message is dropped: nothing is printed after)."""
        self.clear_terminal()
        super().exit(result, return_code)

    # ------------------------------------------------------------------ crashes
    def _handle_exception(self, error: Exception) -> None:
        """One generic line instead of a traceback with local variables (unless debug).

        Private Textual API (``App._handle_exception``); pinned by a test.
        """
        if self.debug_errors:
            super()._handle_exception(error)
            return
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self.clear_terminal()
        lang = getattr(self, "lang", "en")
        self._exit_renderables.append(Segments(self.console.render(Text(t("error.internal", lang)))))
        self._close_messages_no_wait()
