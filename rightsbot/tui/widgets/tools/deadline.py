"""A computed deadline, answer first: the last day, who acts, the calendar, the notice; then
every counting step with the article it follows (Enter on an article opens the law viewer)."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget

from rightsbot.core.laws import Law
from rightsbot.deadlines.counting import METHODS
from rightsbot.deadlines.model import DeadlineResult
from rightsbot.deadlines.strings import t, weekday
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.localised import Localised
from rightsbot.tui.widgets.tools.links import ArticleLink
from rightsbot.tui.widgets.tools.text import LiveText


def headline(result: DeadlineResult, lang: str) -> Content:
    """The rule's name and its last day, in bold."""
    last = result.deadline
    return Content.assemble((result.rule.name.get(lang), "bold"), "\n",
                            (t("result.deadline", lang, date=last.isoformat(), weekday=weekday(last).get(lang)),
                             "bold"))


def facts(result: DeadlineResult, lang: str) -> str:
    """Who must act, the rule and its start, any extension, where the holidays came from."""
    rule = result.rule
    lines = [t(f"result.who.{rule.actor}", lang)]
    if result.extended_deadline is not None:
        extended = result.extended_deadline
        lines.append(t("result.extended", lang, date=extended.isoformat(), weekday=weekday(extended).get(lang)))
    lines.append(t("result.rule", lang, id=rule.id, period=rule.period.label(lang), start=rule.start.get(lang)))
    lines.append(t(f"result.calendar.{result.calendar}", lang))
    return "\n".join(lines)


def calendar_warning(result: DeadlineResult, lang: str) -> str:
    """For weekends-only or mixed results: which years' holiday schedules are unknown, and what that means."""
    steps = [s for s in result.steps if s.kind == "calendar"]
    if steps and result.calendar != "official":
        return steps[-1].text.get(lang)  # the weekends-only step comes after the official one
    return t(f"result.calendar.{result.calendar}", lang)


def notes(result: DeadlineResult, lang: str) -> str:
    """The rule's caveat and the counting method's, one per line."""
    method = METHODS.get(result.rule.counting)
    found = [n for n in (result.rule.note, method.note if method else None) if n is not None]
    return "\n".join(f"* {note.get(lang)}" for note in found)


class DeadlineView(Localised, VerticalScroll):
    """The result of one computation; empty (with a hint) until there is one."""

    can_focus = True
    DEFAULT_CLASSES = "deadline-view"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.result: DeadlineResult | None = None
        """The computation shown, or None."""

    def compose(self) -> ComposeResult:
        yield LiveText(lambda lang: tr("deadline.empty", lang), classes="tool-placeholder")

    def apply_lang(self, lang: str) -> None:
        """Every part is a :class:`LiveText` or a link, which re-text themselves."""

    def show(self, result: DeadlineResult, laws: Mapping[str, Law]) -> None:
        """Show ``result``; ``laws`` name the articles cited."""
        self.result = result
        self.remove_children()
        self.mount_all(self._parts(result, laws))
        self.scroll_home(animate=False)

    def clear(self) -> None:
        """Back to the hint."""
        self.result = None
        self.remove_children()
        self.mount(LiveText(lambda lang: tr("deadline.empty", lang), classes="tool-placeholder"))

    @staticmethod
    def _parts(result: DeadlineResult, laws: Mapping[str, Law]) -> list[Widget]:
        parts: list[Widget] = [
            LiveText(lambda lang: headline(result, lang), classes="dl-headline"),
            LiveText(lambda lang: facts(result, lang), classes="dl-facts"),
        ]
        if result.calendar != "official":
            parts.append(LiveText(lambda lang: calendar_warning(result, lang), classes="tool-warning dl-calendar"))
        parts += [
            LiveText(lambda lang: t("result.notice", lang), classes="tool-notice"),
            LiveText(lambda lang: Content.styled(t("result.steps", lang), "bold"), classes="tool-heading"),
        ]
        quoted: set[tuple[str, str, str | None]] = set()
        for number, step in enumerate(result.steps, 1):
            parts.append(LiveText(lambda lang, n=number, s=step: f"{n}. {s.text.get(lang)}", classes="dl-step"))
            key = (step.citation.law, step.citation.article.key, step.citation.quote)
            parts.append(ArticleLink(step.citation, laws, quote=key not in quoted))
            quoted.add(key)
        if notes(result, "zh"):
            parts.append(LiveText(lambda lang: notes(result, lang), classes="tool-note"))
        return parts
