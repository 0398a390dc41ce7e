"""Plain-text and JSON renderings of deadline results and the rule list (no UI imports)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rightsbot.core.laws import Law
from rightsbot.core.model import Citation, LocalText

from .counting import METHODS
from .model import DeadlineResult, DeadlineRule
from .strings import STRINGS, t, weekday


def citation_label(citation: Citation, laws: Mapping[str, Law], lang: str) -> str:
    """《中华人民共和国民法典》第二百零二条, or the English title with the Chinese beside it."""
    law = laws.get(citation.law)
    if law is None:
        return f"{citation.law} {citation.article.key}"
    return law.cite(citation.article, lang)


def citation_json(citation: Citation) -> dict[str, Any]:
    """The stable JSON shape of a citation."""
    return {"law": citation.law, "article": citation.article.key, "quote": citation.quote}


def result_text(result: DeadlineResult, laws: Mapping[str, Law], lang: str) -> str:
    """The whole result as plain text in ``lang``: answer first, then every step with its law."""
    rule = result.rule
    name = rule.name.get(lang)
    heading = t("result.heading", lang, name=name)
    lines = [heading, "=" * (2 * len(heading) if lang == "zh" else len(heading)), "",
             t("result.rule", lang, id=rule.id, period=rule.period.label(lang), start=rule.start.get(lang)),
             t(f"result.who.{rule.actor}", lang),
             t("result.deadline", lang, date=result.deadline.isoformat(), weekday=weekday(result.deadline).get(lang))]
    if result.extended_deadline is not None:
        lines.append(t("result.extended", lang, date=result.extended_deadline.isoformat(),
                       weekday=weekday(result.extended_deadline).get(lang)))
    lines.append(t(f"result.calendar.{result.calendar}", lang))
    lines += ["", t("result.steps", lang)]
    quoted: set[tuple[str, str, str | None]] = set()
    for number, step in enumerate(result.steps, 1):
        lines.append(f"{number}. {step.text.get(lang)}")
        lines.append(f"   {t('result.basis', lang)}: {citation_label(step.citation, laws, lang)}")
        key = (step.citation.law, step.citation.article.key, step.citation.quote)
        if step.citation.quote and key not in quoted:
            quoted.add(key)
            lines.append(f"   “{step.citation.quote}”" if lang == "zh" else f"   \"{step.citation.quote}\"")
    notes = [n for n in (rule.note, _method_note(rule)) if n is not None]
    if notes:
        lines.append("")
        lines += [f"* {note.get(lang)}" for note in notes]
    lines += ["", t("result.notice", lang)]
    return "\n".join(lines)


def _method_note(rule: DeadlineRule) -> LocalText | None:
    method = METHODS.get(rule.counting)
    return method.note if method else None


def result_json(result: DeadlineResult) -> dict[str, Any]:
    """The stable JSON shape of a result: both languages, so scripts can pick."""
    rule = result.rule
    notes = [n for n in (rule.note, _method_note(rule)) if n is not None]
    data: dict[str, Any] = {
        "rule": rule.id,
        "from": result.start.isoformat(),
        "deadline": result.deadline.isoformat(),
        "calendar": result.calendar,
        "actor": rule.actor,
        "period": {"value": rule.period.value, "unit": rule.period.unit},
        "steps": [
            {"kind": step.kind,
             "date": step.date.isoformat() if step.date else None,
             "text": {"zh": step.text.zh, "en": step.text.en},
             "citation": citation_json(step.citation)}
            for step in result.steps
        ],
        "citations": [citation_json(c) for c in result.citations],
        "weekends_only_years": list(result.weekends_only_years),
        "notes": [{"zh": n.zh, "en": n.en} for n in notes],
        "notice": {"zh": STRINGS["result.notice"].zh, "en": STRINGS["result.notice"].en},
    }
    if result.extended_deadline is not None:
        data["extended_deadline"] = result.extended_deadline.isoformat()
    return data


def rule_json(rule: DeadlineRule) -> dict[str, Any]:
    """The stable JSON shape of one rule in ``--list``."""
    data: dict[str, Any] = {
        "id": rule.id,
        "name": {"zh": rule.name.zh, "en": rule.name.en},
        "period": {"value": rule.period.value, "unit": rule.period.unit},
        "start": {"zh": rule.start.zh, "en": rule.start.en},
        "actor": rule.actor,
        "counting": rule.counting,
        "citations": [citation_json(c) for c in rule.citations],
    }
    if rule.extension is not None:
        ext = rule.extension
        data["extension"] = {
            "period": {"value": ext.period.value, "unit": ext.period.unit} if ext.period else None,
            "condition": {"zh": ext.condition.zh, "en": ext.condition.en},
        }
    return data


def rules_text(rules: Mapping[str, DeadlineRule], laws: Mapping[str, Law], langs: list[str]) -> str:
    """The rule list: id, name(s), period, who acts, and the article that sets it."""
    lang = langs[0]
    lines = [t("list.heading", lang)]
    width = max((len(r) for r in rules), default=0)
    for rule in rules.values():
        names = " / ".join(rule.name.get(code) for code in langs)
        period = " / ".join(dict.fromkeys(rule.period.label(code) for code in langs))
        if rule.extension is not None and rule.extension.period is not None:
            period += " (+" + " / ".join(dict.fromkeys(rule.extension.period.label(code) for code in langs)) + ")"
        actor = " / ".join(t(f"list.actor.{rule.actor}", code) for code in langs)
        cite = citation_label(rule.citations[0], laws, "zh")
        lines.append(f"  {rule.id:<{width}}  {names}")
        lines.append(f"  {'':<{width}}  {period} · {actor} · {cite}")
    return "\n".join(lines)
