"""The navigator's widgets: the safety block, and the result (routes open in order, routes
closed with reasons, how they interact, further reading). Every text re-renders on F6."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget

from rightsbot.core.model import LocalText
from rightsbot.core.strings import t as core_t
from rightsbot.navigator.model import EmergencyNotice, Result, RouteResult
from rightsbot.navigator.render import deadline_lines as core_deadline_lines
from rightsbot.navigator.strings import t
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.localised import Localised
from rightsbot.tui.widgets.tools.links import ActionLink, EntryLink
from rightsbot.tui.widgets.tools.text import LiveText

#: Opens the deadline calculator at a rule and a start date (the guide screen provides it).
ShowSteps = Callable[[str, dt.date], None]


def _label(key: str, lang: str) -> str:
    return t(key, lang) + ("：" if lang == "zh" else ": ")


def _both(key: str) -> LocalText:
    return LocalText(_label(key, "zh"), _label(key, "en"))


def emergency_text(notice: EmergencyNotice, lang: str) -> Content:
    """!! Safety first !!, what to do, and the numbers to call, on one line."""
    numbers = " · ".join(f"{number} {name.get(lang)}" for number, name in notice.hotlines)
    return Content.assemble((f"!! {t('result.emergency', lang)} !!", "bold"), "\n",
                            (notice.emergency.text.get(lang), "bold"), "\n", numbers)


class EmergencyBlock(LiveText):
    """The safety message: above every question once danger is said, and first in the result."""

    DEFAULT_CLASSES = "emergency"

    def __init__(self, notice: EmergencyNotice | None = None, **kwargs: object) -> None:
        super().__init__(self._text, **kwargs)
        self.notice = notice
        """The message shown; None hides the block."""

    def _text(self, lang: str) -> str | Content:
        return emergency_text(self.notice, lang) if self.notice is not None else ""

    def show(self, notice: EmergencyNotice | None) -> None:
        """Show ``notice`` (None: hide)."""
        self.notice = notice
        self.display = notice is not None
        self.apply_lang(self.app.lang)  # type: ignore[attr-defined]


def deadline_lines(found: RouteResult, lang: str) -> list[str]:
    """The route's deadline as the core renders it, without the CLI command (a link does that here)."""
    return core_deadline_lines(found, lang, with_command=False)


def open_route_text(number: int, found: RouteResult, lang: str) -> Content:
    """One open route: name, where, deadline, cost, what to bring, the law."""
    route = found.route
    lines = [_label("route.body", lang) + route.body.get(lang), *deadline_lines(found, lang),
             _label("route.cost", lang) + route.cost.get(lang), _label("route.bring", lang) + route.bring.get(lang)]
    if found.basis:
        sep = "；" if lang == "zh" else "; "
        lines.append(_label("route.basis", lang) + sep.join(b.get(lang) for b in found.basis))
    return Content.assemble((f"{number}. {route.name.get(lang)}", "bold"), "\n", "\n".join(lines))


def closed_route_text(found: RouteResult, lang: str) -> Content:
    """One closed route: name and why."""
    reason = found.reason.get(lang) if found.reason is not None else ""
    return Content.assemble((f"- {found.route.name.get(lang)}", "bold"), "\n",
                            _label("route.why_closed", lang) + reason)


def interactions_text(result: Result, lang: str) -> str:
    """How choosing one route affects the others, one route per line."""
    sep = "：" if lang == "zh" else ": "
    return "\n".join(f"- {f.route.name.get(lang)}{sep}{f.route.interactions.get(lang)}"
                     for f in result.routes if f.route.interactions is not None)


def _heading(key: str) -> LiveText:
    return LiveText(lambda lang: Content.styled(t(key, lang), "bold"), classes="tool-heading")


class GuideResultView(Localised, VerticalScroll):
    """The end of the interview: safety first, then every route, open ones in the recommended order."""

    can_focus = True
    DEFAULT_CLASSES = "guide-result"

    def __init__(self, show_steps: ShowSteps, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.show_steps = show_steps
        """Opens the calculator at a route's rule and date."""

    def apply_lang(self, lang: str) -> None:
        """Every part is a :class:`LiveText` or a link, which re-text themselves."""

    def show(self, result: Result) -> None:
        """Show ``result`` from the top."""
        self.remove_children()
        self.mount_all(self._parts(result))
        self.scroll_home(animate=False)

    def clear(self) -> None:
        """Show nothing (and keep nothing)."""
        self.remove_children()

    def _parts(self, result: Result) -> list[Widget]:
        parts: list[Widget] = []
        notice = result.emergency
        if notice is not None:
            parts.append(EmergencyBlock(notice))
            parts.append(EntryLink(notice.emergency.entry, notice.entry_title, _both("route.read"),
                                   classes="link emergency-link"))
        outcome = result.outcome
        parts.append(LiveText(lambda lang: Content.assemble(
            (t("result.heading", lang, title=outcome.title.get(lang)), "bold underline"), "\n",
            outcome.summary.get(lang)), classes="guide-summary"))
        parts.append(_heading("result.open"))
        if not result.open:
            parts.append(LiveText(lambda lang: t("result.none_open", lang), classes="tool-warning"))
        for number, found in enumerate(result.open, 1):
            parts.append(Vertical(*self._route_parts(number, found), classes="route-card"))
        if result.closed:
            parts.append(_heading("result.closed"))
            for found in result.closed:
                parts.append(Vertical(LiveText(lambda lang, f=found: closed_route_text(f, lang)),
                                      EntryLink(found.route.entry, found.entry_title, _both("route.read")),
                                      classes="route-card -closed"))
        if any(f.route.interactions is not None for f in result.routes):
            parts.append(_heading("result.interactions"))
            parts.append(LiveText(lambda lang: interactions_text(result, lang), classes="guide-interactions"))
        if result.see_also:
            parts.append(_heading("result.see_also"))
            parts += [EntryLink(entry_id, title) for entry_id, title in result.see_also]
        parts.append(LiveText(lambda lang: t("result.memory", lang) + "\n" + core_t("disclaimer", lang),
                              classes="tool-note"))
        return parts

    def _route_parts(self, number: int, found: RouteResult) -> list[Widget]:
        parts: list[Widget] = [LiveText(lambda lang: open_route_text(number, found, lang))]
        deadline, start = found.deadline, found.start
        if deadline is not None and start is not None:
            rule = deadline.rule
            parts.append(ActionLink(
                lambda lang: tr("guide.steps_link", lang, name=rule.name.get(lang), date=start.isoformat()),
                lambda: self.show_steps(rule.id, start)))
        parts.append(EntryLink(found.route.entry, found.entry_title, _both("route.read")))
        return parts
