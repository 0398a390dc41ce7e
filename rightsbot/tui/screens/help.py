"""Help (F1 or ?): every key, the privacy promise and its limits, not legal advice, free help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown

from rightsbot.core.strings import t
from rightsbot.tui.registry import COMMANDS
from rightsbot.tui.screens.base import AppModal
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.localised import Localised


def help_markdown(lang: str) -> str:
    """The help text as Markdown, built from the strings and the command registry."""
    rows = [f"| **{c.key}** | {tr(c.title_key, lang)} — {tr(c.help_key, lang)} |" for c in COMMANDS if c.key]
    rows.insert(0, f"| **Esc Esc** | {tr('help.key.esc_esc', lang)} |")
    rows += [
        f"| **Ctrl+P** | {tr('key.commands', lang)} |",
        f"| **Ctrl+Q** | {tr('key.quit', lang)} |",
        f"| **?** | {tr('key.help', lang)} |",
        f"| **Tab** | {tr('help.key.tab', lang)} |",
        f"| **↑ ↓ PgUp PgDn** | {tr('help.key.arrows', lang)} |",
        f"| **Esc** | {tr('help.key.esc', lang)} |",
    ]
    header = f"| {tr('help.keys', lang)} | |\n|---|---|"
    sections = [
        f"## {tr('help.keys', lang)}", header + "\n" + "\n".join(rows),
        f"**{tr('help.keys_law', lang)}**: {tr('help.key.law_nav', lang)}",
        f"**{tr('help.keys_deadline', lang)}**: {tr('help.key.deadline_nav', lang)}",
        f"**{tr('help.keys_guide', lang)}**: {tr('help.key.guide_nav', lang)}",
        f"## {tr('help.privacy', lang)}", tr("help.privacy_body", lang),
        f"## {tr('help.limits', lang)}", tr("help.limits_body", lang),
        f"## {tr('help.advice', lang)}", tr("help.advice_body", lang), t("disclaimer", lang),
        f"## {tr('help.free_help', lang)}", tr("help.free_help_body", lang),
    ]
    return "\n\n".join(sections)


class HelpScreen(Localised, AppModal):
    """A dialog over the current screen; Esc or F1 closes it."""

    AUTO_FOCUS = "#help-scroll"
    BINDINGS = [Binding("f1,question_mark", "back", "key.back", show=False)]

    def __init__(self, **_: object) -> None:
        super().__init__(id="help")

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield AppHeader("help.title")
            with VerticalScroll(id="help-scroll", can_focus=True):
                yield Markdown(help_markdown(self.app.lang), open_links=False,  # type: ignore[attr-defined]
                               id="help-text")
            yield KeyBar()

    def apply_lang(self, lang: str) -> None:
        text = help_markdown(lang)
        markdown = self.query_one("#help-text", Markdown)
        if markdown.source != text:
            markdown.update(text)
