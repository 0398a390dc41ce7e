"""The command palette (ctrl+p): the app's own commands, in the current language."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .registry import COMMANDS, AppCommand
from .strings import tr


class RightsbotCommands(Provider):
    """Lists :data:`~rightsbot.tui.registry.COMMANDS`; fuzzy-matches the typed text."""

    def _run(self, command: AppCommand) -> None:
        self.app.call_later(self.app.run_action, command.action)

    def _label(self, command: AppCommand) -> tuple[str, str]:
        lang = getattr(self.app, "lang", "en")
        title = tr(command.title_key, lang)
        if command.key:
            title = f"{title}  ({command.key})"
        return title, tr(command.help_key, lang)

    async def discover(self) -> Hits:
        for command in COMMANDS:
            title, help_text = self._label(command)
            yield DiscoveryHit(title, partial(self._run, command), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in COMMANDS:
            title, help_text = self._label(command)
            score = max(matcher.match(title), matcher.match(command.id))
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, command), help=help_text)
