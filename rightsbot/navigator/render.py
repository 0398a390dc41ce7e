"""Plain-text and JSON renderings of the interview: a question, and the result (no UI imports).

Deterministic: the same result and language give the same text, byte for byte (the only
moving part, "today", is part of the result), so the text can be compared in tests and
the TUI can show the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rightsbot.core.model import LocalText
from rightsbot.core.strings import t as core_t
from rightsbot.deadlines.strings import weekday

from .model import Ask, Result, RouteResult
from .strings import STRINGS, t

#: A route's deadline is called urgent (with a line saying so) when this few days are left.
URGENT_DAYS = 7


def _lt(text: LocalText) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _underline(text: str, lang: str, char: str) -> str:
    return char * (2 * len(text) if lang == "zh" else len(text))


def _label(key: str, lang: str) -> str:
    return t(key, lang) + ("：" if lang == "zh" else ": ")


# --- a question --------------------------------------------------------------------------------

def ask_text(ask: Ask, langs: Sequence[str]) -> str:
    """A question as a terminal prompt shows it: number, text, help, numbered options, how to answer.

    With two languages each line is given in both (Chinese first).
    """
    def both(text: LocalText) -> list[str]:
        return [text.get(lang) for lang in langs]

    lines = [" · ".join(t("ask.number", lang, n=ask.number) for lang in langs)]
    lines += both(ask.question.text)
    if ask.question.help is not None:
        lines += ["  " + line for line in both(ask.question.help)]
    for number, option in enumerate(ask.options, 1):
        lines.append(f"  {number}. " + " / ".join(option.label.get(lang) for lang in langs))
    how = {"choice": "ask.choose_one", "multi": "ask.choose_many", "date": "ask.date"}[ask.question.kind]
    lines += ["  " + t(how, lang) for lang in langs]
    return "\n".join(lines)


def emergency_text(result_or_ask: Result | Ask, lang: str) -> str:
    """The safety block (text, hotlines, entry), or "" when nobody is in danger."""
    notice = result_or_ask.emergency
    if notice is None:
        return ""
    heading = f"!! {t('result.emergency', lang)} !!"
    lines = [heading, notice.emergency.text.get(lang)]
    lines += [f"  {number}  {name.get(lang)}" for number, name in notice.hotlines]
    lines.append(t("result.emergency_more", lang, title=notice.entry_title.get(lang), id=notice.emergency.entry))
    return "\n".join(lines)


# --- the result --------------------------------------------------------------------------------

def deadline_lines(found: RouteResult, lang: str, with_command: bool = True) -> list[str]:
    """The route's deadline: last day and days left, urgency, the start, calendar and caveat;
    ``with_command`` adds the ``rightsbot deadline`` line that shows every step (the TUI
    offers a link instead)."""
    route, deadline = found.route, found.deadline
    label = _label("route.deadline", lang)
    if route.deadline_rule is None:
        return [label + t("deadline.none", lang)]
    if deadline is None or found.start is None:
        return [label + t("deadline.no_date", lang)]
    last, days = deadline.deadline, found.days_left or 0
    day = weekday(last).get(lang)
    if days == 0:
        first = t("deadline.today", lang, date=last.isoformat(), weekday=day)
    else:
        first = t("deadline.last_day", lang, date=last.isoformat(), weekday=day, days=days)
    pad = "  "
    lines = [label + first]
    if 0 <= days <= URGENT_DAYS:
        lines.append(pad + t("deadline.urgent", lang))
    lines.append(pad + t("deadline.from", lang, date=found.start.isoformat(), start=deadline.rule.start.get(lang)))
    if deadline.calendar != "official":
        lines.append(pad + t("deadline.calendar", lang))
    if deadline.rule.note is not None:
        lines.append(pad + t("deadline.note", lang, note=deadline.rule.note.get(lang)))
    if with_command:
        lines.append(pad + t("deadline.steps", lang, rule=deadline.rule.id, date=found.start.isoformat()))
    return lines


def _entry_line(found: RouteResult, lang: str) -> str:
    return _label("route.read", lang) + t("route.entry", lang, title=found.entry_title.get(lang), id=found.route.entry)


def _basis_line(found: RouteResult, lang: str) -> list[str]:
    if not found.basis:
        return []
    return [_label("route.basis", lang) + ("；" if lang == "zh" else "; ").join(b.get(lang) for b in found.basis)]


def _open_route(number: int, found: RouteResult, lang: str) -> list[str]:
    route = found.route
    lines = [f"{number}. {route.name.get(lang)}"]
    body = [_label("route.body", lang) + route.body.get(lang)]
    body += deadline_lines(found, lang)
    body += [_label("route.cost", lang) + route.cost.get(lang),
             _label("route.bring", lang) + route.bring.get(lang)]
    body += _basis_line(found, lang)
    body.append(_entry_line(found, lang))
    return lines + ["   " + line for line in body]


def _closed_route(found: RouteResult, lang: str) -> list[str]:
    assert found.reason is not None
    lines = [f"- {found.route.name.get(lang)}",
             "  " + _label("route.why_closed", lang) + found.reason.get(lang),
             "  " + _entry_line(found, lang)]
    return lines


def _section(title: str, lang: str) -> list[str]:
    return ["", title, _underline(title, lang, "-")]


def result_text(result: Result, lang: str) -> str:
    """The whole result as plain text in ``lang``: safety first, then open routes, closed routes,
    how they interact, further reading, and the standard note."""
    heading = t("result.heading", lang, title=result.outcome.title.get(lang))
    lines = [heading, _underline(heading, lang, "=")]
    emergency = emergency_text(result, lang)
    if emergency:
        lines += ["", emergency]
    lines += ["", result.outcome.summary.get(lang)]

    lines += _section(t("result.open", lang), lang)
    if not result.open:
        lines.append(t("result.none_open", lang))
    for number, found in enumerate(result.open, 1):
        if number > 1:
            lines.append("")
        lines += _open_route(number, found, lang)

    if result.closed:
        lines += _section(t("result.closed", lang), lang)
        for found in result.closed:
            lines += _closed_route(found, lang)

    interactions = [(f.route.name, f.route.interactions) for f in result.routes if f.route.interactions is not None]
    if interactions:
        lines += _section(t("result.interactions", lang), lang)
        sep = "：" if lang == "zh" else ": "
        for name, text in interactions:
            assert text is not None
            lines.append(f"- {name.get(lang)}{sep}{text.get(lang)}")

    if result.see_also:
        lines += _section(t("result.see_also", lang), lang)
        lines += ["- " + t("route.entry", lang, title=title.get(lang), id=entry_id) for entry_id, title in result.see_also]

    lines += ["", t("result.memory", lang), core_t("disclaimer", lang)]
    return "\n".join(lines)


def _route_json(found: RouteResult) -> dict[str, Any]:
    route = found.route
    deadline = None
    if found.deadline is not None and found.start is not None:
        deadline = {"rule": found.deadline.rule.id, "from": found.start.isoformat(),
                    "last_day": found.deadline.deadline.isoformat(), "days_left": found.days_left,
                    "calendar": found.deadline.calendar}
    return {
        "id": route.id,
        "status": found.status,
        "name": _lt(route.name),
        "body": _lt(route.body),
        "cost": _lt(route.cost),
        "bring": _lt(route.bring),
        "entry": {"id": route.entry, "title": _lt(found.entry_title)},
        "deadline_rule": route.deadline_rule,
        "deadline": deadline,
        "reason": _lt(found.reason) if found.reason is not None else None,
        "interactions": _lt(route.interactions) if route.interactions is not None else None,
        "basis": [_lt(b) for b in found.basis],
    }


def result_json(result: Result) -> dict[str, Any]:
    """The stable JSON shape of a result: both languages, so scripts can pick.

    The answers themselves are not echoed, only the dates that start each deadline.
    """
    notice = result.emergency
    return {
        "outcome": {"id": result.outcome.id, "title": _lt(result.outcome.title),
                    "summary": _lt(result.outcome.summary)},
        "today": result.today.isoformat(),
        "emergency": None if notice is None else {
            "text": _lt(notice.emergency.text),
            "entry": {"id": notice.emergency.entry, "title": _lt(notice.entry_title)},
            "hotlines": [{"number": number, "name": _lt(name)} for number, name in notice.hotlines],
        },
        "open": [_route_json(found) for found in result.open],
        "closed": [_route_json(found) for found in result.closed],
        "see_also": [{"id": entry_id, "title": _lt(title)} for entry_id, title in result.see_also],
        "notice": {"zh": core_t("disclaimer", "zh"), "en": core_t("disclaimer", "en")},
        "memory": _lt(STRINGS["result.memory"]),
    }
