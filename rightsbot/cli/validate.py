"""``rightsbot validate [DIR]``: check a content folder and print every problem as file:line."""

from __future__ import annotations

import argparse
from pathlib import Path

from rightsbot.core.loader import read_content
from rightsbot.core.strings import t
from rightsbot.deadlines import check_deadline_content
from rightsbot.deadlines.strings import t as deadline_t
from rightsbot.navigator.flows import check_flow_content
from rightsbot.navigator.strings import t as flow_t
from rightsbot.search.synonyms import read_synonyms

from .context import EXIT_NOT_FOUND, EXIT_OK, Context


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``validate`` subcommand."""
    parser = sub.add_parser("validate", help="check a content folder / 检查内容",
                            description="Check a content folder: schema, ids, citations, quotes, figures. / "
                                        "检查内容文件夹。")
    parser.add_argument("dir", nargs="?", help="content folder (default: the shipped content)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Validate; a clean folder prints one summary line."""
    root = Path(args.dir) if args.dir else ctx.content_dir
    lang = ctx.lang if ctx.lang != "auto" else "en"
    kb, problems = read_content(root)
    rule_count, deadline_problems = check_deadline_content(root, kb.laws if kb else None)
    _, synonym_problems = read_synonyms(root)
    flow_count, flow_problems = check_flow_content(root, kb)
    problems = sorted(set(problems) | set(deadline_problems) | set(synonym_problems) | set(flow_problems))
    if problems or kb is None:
        for problem in problems:
            ctx.out(str(problem))
        ctx.err(t("validate.failed", lang, n=len(problems)))
        return EXIT_NOT_FOUND
    citations = sum(len(e.citations) for e in kb.entries.values())
    ctx.out(t("validate.ok", lang, entries=len(kb.entries), laws=len(kb.laws), citations=citations,
              extra=(deadline_t("validate.rules", lang, n=rule_count) if rule_count else "")
              + (flow_t("validate.flows", lang, n=flow_count) if flow_count else "")))
    return EXIT_OK
