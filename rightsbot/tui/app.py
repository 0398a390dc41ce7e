"""The rightsbot terminal app: ask, read cited answers, browse, read the law. Saves nothing.

``run_app`` is what ``rightsbot`` (no arguments) calls, after the privacy guard is on and
the knowledge base is loaded and validated.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen

from rightsbot.core.laws import ArticleNumber
from rightsbot.core.model import KnowledgeBase
from rightsbot.core.render import entry_text
from rightsbot.search import SearchIndex

from . import cjk
from .commands import RightsbotCommands
from .hardened import HardenedApp
from .messages import Ask, OpenArticle, OpenEntry
from .registry import SCREENS
from .screens.main import MainScreen
from .session import Exchange, Session
from .strings import other_lang, tr

cjk.install()

#: Two Esc presses closer together than this (seconds) leave the app at once.
QUICK_EXIT_WINDOW = 0.6
#: The style sheets, in load order.
STYLES = [Path(__file__).parent / "styles" / name for name in
          ("app.tcss", "main.tcss", "browse.tcss", "law.tcss", "hotlines.tcss", "help.tcss",
           "deadline.tcss", "guide.tcss")]


class RightsbotApp(HardenedApp):
    """The app. Its only state is the conversation in :attr:`session`, in memory."""

    TITLE = "rightsbot"
    CSS_PATH: ClassVar[list[str | Path]] = list(STYLES)  # type: ignore[assignment]
    COMMANDS = {RightsbotCommands}
    NOTIFICATION_TIMEOUT = 6
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "escape", "key.quick_exit", key_display="Esc Esc", priority=True),
        Binding("alt+escape", "quick_exit", "key.quick_exit", key_display="Esc Esc", priority=True, show=False),
        Binding("ctrl+q", "quick_exit", "key.quit", key_display="^Q", priority=True, show=False),
        Binding("f1", "open_screen('help')", "key.help", key_display="F1"),
        Binding("question_mark", "open_screen('help')", "key.help", key_display="?", show=False),
        Binding("f3", "open_screen('browse')", "key.browse", key_display="F3"),
        Binding("f4", "open_screen('law')", "key.law", key_display="F4"),
        Binding("f5", "open_screen('hotlines')", "key.hotlines", key_display="F5"),
        Binding("f6", "toggle_language", "key.language", key_display="F6"),
        Binding("f7", "copy_answer", "key.copy", key_display="F7"),
        Binding("f8", "open_screen('deadline')", "key.deadline", key_display="F8"),
        Binding("f10", "open_screen('guide')", "key.guide", key_display="F10"),
        Binding("ctrl+l", "clear", "key.clear", key_display="^L"),
        Binding("ctrl+p", "command_palette", "key.commands", key_display="^P"),
        Binding("f9", "toggle_theme", "key.theme", key_display="F9", show=False),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    lang: reactive[str] = reactive("zh")
    """Language of every string and every answer: ``zh`` or ``en`` (F6 toggles)."""

    def __init__(self, kb: KnowledgeBase, *, lang: str = "zh", ignored_env: tuple[str, ...] = (),
                 debug: bool = False, index: SearchIndex | None = None) -> None:
        super().__init__(debug=debug)
        self.kb = kb
        """The validated knowledge base."""
        self.index: SearchIndex | None = index
        """The search index; built in a thread after the first frame when not given."""
        self.session = Session()
        """The conversation: in memory only, wiped by clear, gone on quit."""
        self.ignored_env = tuple(ignored_env)
        """Environment variables the privacy guard removed (told once, as a notification)."""
        self._pending: list[str] = []
        self._last_escape = float("-inf")
        self.set_reactive(RightsbotApp.lang, "zh" if lang == "zh" else "en")

    # ------------------------------------------------------------------ start
    def get_default_screen(self) -> Screen[Any]:
        """The conversation is the bottom screen; everything else opens over it."""
        return MainScreen(self.kb)

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        if self.ignored_env:
            self.notify(tr("privacy.ignored_env", self.lang, names=", ".join(self.ignored_env)), timeout=10)
        if self.index is None:
            self.run_worker(self._build_index, thread=True, exclusive=True, group="index",
                            exit_on_error=False)

    def _build_index(self) -> None:
        index = SearchIndex(self.kb)
        index.search("上访 wages")  # warm up: lazy tables load now, not on the first question
        try:
            self.call_from_thread(self._index_ready, index)
        except RuntimeError:
            pass  # the app closed before the index was ready

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        pending, self._pending = self._pending, []
        for question in pending:
            self.ask(question)

    @property
    def main_screen(self) -> MainScreen:
        """The conversation screen (always at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def _back_to_main(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    # ------------------------------------------------------------------ asking
    def ask(self, question: str) -> None:
        """Search, remember the exchange in memory, show the answer card."""
        if not question.strip():
            self.notify(tr("error.empty_question", self.lang), severity="warning")
            return
        if self.index is None:
            self._pending.append(question)
            self.notify(tr("main.loading", self.lang), timeout=2)
            return
        result = self.index.search(question)
        if result.truncated:
            self.notify(tr("error.truncated", self.lang, n=len(result.query)), severity="warning")
        self.session.add(Exchange(result.query, result.best, result))
        self.main_screen.show_answer(result.query, result, result.best)

    def on_ask(self, message: Ask) -> None:
        self.ask(message.question)

    def on_open_entry(self, message: OpenEntry) -> None:
        """Show an entry from browse, a related link or the panel, like an answer."""
        if message.entry_id not in self.kb.entries:
            return
        self._back_to_main()
        self.session.add(Exchange(None, message.entry_id))
        self.main_screen.show_answer(None, None, message.entry_id)

    def on_open_article(self, message: OpenArticle) -> None:
        """A citation was selected: the law viewer at that article."""
        self.open_screen("law", law=message.law, article=message.article)

    # ------------------------------------------------------------------ screens
    def open_screen(self, name: str, **kwargs: Any) -> None:
        """Open a registered screen over the conversation (help opens over anything; a screen
        with ``opens_over`` opens over those screens)."""
        spec = SCREENS[name]
        if name == "help":
            if self.screen.id != "help":
                self.push_screen(spec.factory(**kwargs))
            return
        if self.screen.id not in spec.opens_over:
            self._back_to_main()
        self.push_screen(spec.factory(**kwargs))

    def action_open_screen(self, name: str) -> None:
        """Open the screen registered as ``name``."""
        self.open_screen(name)

    def action_open_law(self, law: str, article: str = "") -> None:
        """Open the law viewer at ``law`` and ``article`` (for commands and tests)."""
        self.open_screen("law", law=law, article=ArticleNumber.parse(article) if article else None)

    def action_ask_focus(self) -> None:
        """Back to the conversation with the cursor in the question box."""
        self._back_to_main()
        self.main_screen.query_one("#question").focus()

    def action_command_palette(self) -> None:
        """The command palette, with a placeholder in the current language."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=tr("palette.placeholder", self.lang)))

    # ------------------------------------------------------------------ other actions
    def action_toggle_language(self) -> None:
        """中文 ⇄ English, for every screen and every answer."""
        self.lang = other_lang(self.lang)

    def action_toggle_theme(self) -> None:
        """Light ⇄ dark."""
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel of the conversation."""
        self._back_to_main()
        self.main_screen.action_toggle_panel()

    def action_copy_answer(self) -> None:
        """The one way onto the clipboard: the current answer as plain text."""
        entry_id = self.session.current_entry_id
        entry = self.kb.entry(entry_id) if entry_id else None
        if entry is None:
            self.notify(tr("copy.nothing", self.lang))
            return
        self.copy_explicitly(entry_text(entry, self.kb, self.lang))
        self.notify(tr("copy.done", self.lang), timeout=10)

    def action_clear(self) -> None:
        """Wipe the conversation from the screen and from memory."""
        self._back_to_main()
        self.session.clear()
        self._pending.clear()
        self._clipboard = ""
        self.clear_notifications()
        self.main_screen.wipe()
        self.notify(tr("main.cleared", self.lang), timeout=3)

    def action_escape(self) -> None:
        """Esc twice quickly: quick exit. Once: let the screen handle it (back, close)."""
        now = time.monotonic()
        if now - self._last_escape <= QUICK_EXIT_WINDOW:
            self.action_quick_exit()
            return
        self._last_escape = now
        raise SkipAction()

    def action_quick_exit(self) -> None:
        """Leave at once: forget the conversation, clear the screen, exit. No question asked."""
        self.session.clear()
        self._pending.clear()
        self.exit(0)

    async def action_quit(self) -> None:
        """Quitting is the quick exit."""
        self.action_quick_exit()


def run_app(kb: KnowledgeBase, *, lang: str = "zh", ignored_env: tuple[str, ...] = (),
            debug: bool = False) -> int:
    """Run the app in this terminal until the person leaves; returns the exit code."""
    app = RightsbotApp(kb, lang=lang, ignored_env=ignored_env, debug=debug)
    app.run()
    return app.return_code or 0
