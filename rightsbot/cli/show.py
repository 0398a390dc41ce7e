"""``rightsbot show ID``: one entry in full, in both languages (or JSON)."""

from __future__ import annotations

import argparse
from typing import Any

from rightsbot.core.model import Entry, KnowledgeBase
from rightsbot.core.render import entry_text
from rightsbot.core.strings import t
from rightsbot.core.suggest import closest

from .context import EXIT_NOT_FOUND, EXIT_OK, Context


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``show`` subcommand."""
    parser = sub.add_parser("show", help="show one entry by id / 按 id 显示条目",
                            description="Show one knowledge-base entry in full. / 显示一个条目的全部内容。")
    parser.add_argument("id", help="entry id, e.g. labor.wage-arrears")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--cite-text", action="store_true", help="print the full text of each cited article")
    parser.set_defaults(run=run)


def entry_json(entry: Entry, kb: KnowledgeBase) -> dict[str, Any]:
    """The full entry, both languages, citations with their article text."""
    citations = []
    for citation in entry.citations:
        law = kb.laws[citation.law]
        article = law.article(citation.article)
        citations.append({"law": citation.law, "law_title": law.title, "article": citation.article.key,
                          "quote": citation.quote, "text": article.text if article else None})
    return {
        "id": entry.id, "category": entry.category,
        "title": {"zh": entry.title.zh, "en": entry.title.en},
        "summary": {"zh": entry.summary.zh, "en": entry.summary.en},
        "answer": {"zh": entry.answer.zh, "en": entry.answer.en},
        "questions": {"zh": list(entry.questions.zh), "en": list(entry.questions.en)},
        "keywords": {"zh": list(entry.keywords.zh), "en": list(entry.keywords.en)},
        "citations": citations, "hotlines": list(entry.hotlines), "related": list(entry.related),
        "last_reviewed": entry.last_reviewed.isoformat(),
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print the entry, or say it does not exist and suggest the closest ids."""
    kb = ctx.kb
    entry = kb.entry(args.id)
    lang = ctx.lang
    if entry is None:
        msg_lang = lang if lang != "auto" else "en"
        ctx.err(t("error.unknown_id", msg_lang, id=args.id))
        suggestions = closest(args.id, kb.entries)
        if suggestions:
            ctx.err(t("error.closest", msg_lang, items=", ".join(suggestions)))
        return EXIT_NOT_FOUND
    if args.json:
        ctx.json(entry_json(entry, kb))
        return EXIT_OK
    langs = [lang] if lang in ("zh", "en") else ["zh", "en"]
    ctx.out(("\n\n" + "-" * 40 + "\n\n").join(entry_text(entry, kb, code, args.cite_text) for code in langs))
    return EXIT_OK
