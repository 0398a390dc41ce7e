"""The crisis banner: emergency numbers, before anything else."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from rightsbot.core.strings import t
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.localised import Localised


class CrisisBanner(Localised, Static):
    """110 / 120 / 119 / 12356, shown at the top of the screen when a question flags danger."""

    DEFAULT_CLASSES = "crisis-banner"

    def apply_lang(self, lang: str) -> None:
        self.update(Content.assemble(("!! " + tr("crisis.title", lang) + " !!", "bold"), "\n",
                                     (t("crisis_banner", lang), "bold")))
