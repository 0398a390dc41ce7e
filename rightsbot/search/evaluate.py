"""Measure search quality on a labelled question set (used by the quality test and the
benchmark; the dev set tunes, the test set only judges)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.model import KnowledgeBase
from .engine import SearchResult

#: The question sets that may tune and train the search (the test sets are never among them).
TUNING_SETS = ("questions-dev.yaml", "questions-dev2.yaml", "questions-dev3.yaml", "questions-dev4.yaml",
               "questions-crisis-dev.yaml", "questions-crisis-dev2.yaml",
               "questions-crisis-dev3.yaml", "questions-oos-dev.yaml", "questions-oos-dev2.yaml")


def shipped_knowledge_base() -> KnowledgeBase:
    """The shipped knowledge base for the maintainers' tools (calibration, the two n-gram
    models, the prebuilt terms); exits with the problem list when the content has any."""
    from ..core.errors import ContentError
    from ..core.loader import load_content

    try:
        return load_content()
    except ContentError as error:
        raise SystemExit(f"content has problems; run `rightsbot validate`:\n{error}") from None


@dataclass(frozen=True)
class LabelledQuestion:
    """One evaluation question and what a right answer is."""

    q: str
    """The question as a person would type it."""
    expect: tuple[str, ...]
    """Acceptable entry ids, best first; empty when the knowledge base should abstain."""
    crisis: bool
    """Whether the question expresses danger to life now."""
    tags: tuple[str, ...]
    """Kinds: zh, en, traditional, typo, pinyin, long, short, out-of-scope, crisis ..."""


@dataclass(frozen=True)
class Quality:
    """The quality figures the issue sets targets for."""

    top1: float
    """In-scope questions whose first hit is acceptable."""
    top3: float
    """In-scope questions with an acceptable id among the first three hits (and no abstention)."""
    shown_top3: float
    """In-scope questions with an acceptable id among the first three topics shown, as answers
    or, when the search abstains, as the closest topics it offers instead."""
    oos_rejected: float
    """Out-of-scope questions on which the search abstained."""
    false_abstention: float
    """In-scope questions on which the search wrongly abstained."""
    crisis_recall: float
    """Crisis questions flagged as crisis."""
    crisis_false_positives: int
    """Non-crisis questions flagged as crisis."""
    misses: tuple[tuple[str, str, str], ...]
    """(question, expected, got) for each top-1 miss, for the notes."""


def load_questions(path: Path) -> list[LabelledQuestion]:
    """Read a question set file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [LabelledQuestion(str(item["q"]), tuple(item.get("expect") or ()), bool(item.get("crisis", False)),
                             tuple(item.get("tags") or ())) for item in data["questions"]]


def measure(search: Callable[[str], SearchResult], questions: Iterable[LabelledQuestion]) -> Quality:
    """Run every question through ``search`` and compute the figures."""
    in_scope = top1 = top3 = shown_top3 = abstained_wrongly = 0
    oos = oos_rejected = 0
    crisis_total = crisis_found = crisis_fp = 0
    misses: list[tuple[str, str, str]] = []
    for item in questions:
        result = search(item.q)
        ids = [h.entry_id for h in result.hits]
        if item.crisis:
            crisis_total += 1
            crisis_found += result.crisis
        elif result.crisis:
            crisis_fp += 1
        if not item.expect:
            oos += 1
            oos_rejected += result.abstained
            if not result.abstained:
                misses.append((item.q, "(abstain)", ids[0] if ids else "-"))
            continue
        in_scope += 1
        answered = [] if result.abstained else ids
        if answered[:1] and answered[0] in item.expect:
            top1 += 1
        else:
            misses.append((item.q, item.expect[0], ("(abstained) " if result.abstained else "") +
                           (ids[0] if ids else "-")))
        if any(i in item.expect for i in ids[:3]):
            shown_top3 += 1
            top3 += not result.abstained
        abstained_wrongly += result.abstained
    return Quality(
        top1=top1 / max(in_scope, 1), top3=top3 / max(in_scope, 1), shown_top3=shown_top3 / max(in_scope, 1),
        oos_rejected=oos_rejected / max(oos, 1), false_abstention=abstained_wrongly / max(in_scope, 1),
        crisis_recall=crisis_found / max(crisis_total, 1), crisis_false_positives=crisis_fp,
        misses=tuple(misses),
    )
