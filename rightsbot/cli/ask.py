"""``rightsbot ask``: answer a question from the knowledge base (text or JSON, one or a batch)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rightsbot.core.render import entry_text
from rightsbot.core.strings import t
from rightsbot.search import SearchIndex, SearchResult

from .context import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, Context, building


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``ask`` subcommand."""
    parser = sub.add_parser("ask", help="ask a question / 提问",
                            description="Answer a question from the knowledge base. / 用知识库回答问题。")
    parser.add_argument("question", nargs="+", help="the question, or - to read one question per line from stdin")
    parser.add_argument("--json", action="store_true", help="print JSON (one object per question)")
    parser.add_argument("--cite-text", action="store_true", help="print the full text of each cited article")
    parser.set_defaults(run=run)


def result_json(result: SearchResult, ctx: Context) -> dict[str, Any]:
    """The stable JSON shape of one search result."""
    lang = ctx.lang if ctx.lang != "auto" else result.lang
    return {
        "query": result.query,
        "crisis": result.crisis,
        "abstained": result.abstained,
        "results": [
            {"id": hit.entry_id, "score": hit.score, "title": ctx.kb.entries[hit.entry_id].title.get(lang)}
            for hit in result.hits
        ],
    }


def _answer_text(result: SearchResult, ctx: Context, cite_text: bool) -> str:
    lang = ctx.lang if ctx.lang != "auto" else result.lang
    kb = ctx.kb
    parts: list[str] = []
    if result.crisis:
        parts += ["!! " + t("crisis_banner", lang) + " !!", ""]
    if result.abstained:
        parts += [t("no_entry", lang), ""]
        if result.hits:
            parts.append(t("did_you_mean", lang))
            parts += [f"- {kb.entries[h.entry_id].title.get(lang)} (rightsbot show {h.entry_id})"
                      for h in result.hits[:3]]
            parts.append("")
        parts += [t("see_topics", lang), t("call_12348", lang)]
        return "\n".join(parts)
    best = kb.entries[result.hits[0].entry_id]
    parts.append(entry_text(best, kb, lang, cite_text=cite_text))
    others = [h for h in result.hits[1:4]]
    if others:
        parts += ["", t("did_you_mean", lang)]
        parts += [f"- {kb.entries[h.entry_id].title.get(lang)} (rightsbot show {h.entry_id})" for h in others]
    return "\n".join(parts)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Answer one question, or each line of stdin for ``-``."""
    kb = ctx.kb
    with building():
        index = SearchIndex(kb)
    if args.question == ["-"]:
        return _batch(index, args, ctx)
    question = " ".join(args.question)
    result = index.search(question)
    lang = ctx.lang if ctx.lang != "auto" else result.lang
    if not result.query:
        ctx.err(t("error.empty_question", lang))
        return EXIT_USAGE
    if result.truncated:
        ctx.err(t("error.truncated", lang, n=len(result.query)))
    if args.json:
        ctx.json(result_json(result, ctx))
    else:
        ctx.out(_answer_text(result, ctx, args.cite_text))
    return EXIT_NOT_FOUND if result.abstained else EXIT_OK


def _batch(index: SearchIndex, args: argparse.Namespace, ctx: Context) -> int:
    warned = False
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "replace")
        if "\ufffd" in line and not warned:
            ctx.err(t("error.bad_utf8", ctx.lang if ctx.lang != "auto" else "en"))
            warned = True
        if not line.strip():
            continue
        result = index.search(line)
        if args.json:
            ctx.json(result_json(result, ctx))
        else:
            ctx.out(_answer_text(result, ctx, args.cite_text))
            ctx.out("\n" + "-" * 40 + "\n")
        sys.stdout.flush()
    return EXIT_OK
