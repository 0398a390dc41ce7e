"""``rightsbot topics``: every entry id with its title, grouped by category."""

from __future__ import annotations

import argparse

from .context import EXIT_OK, Context


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``topics`` subcommand."""
    parser = sub.add_parser("topics", help="list all topics / 列出全部主题",
                            description="List every knowledge-base entry. / 列出知识库的全部条目。")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print the topic list."""
    kb = ctx.kb
    if args.json:
        ctx.json([{"id": e.id, "category": e.category, "title": {"zh": e.title.zh, "en": e.title.en}}
                  for e in kb.entries.values()])
        return EXIT_OK
    langs = [ctx.lang] if ctx.lang in ("zh", "en") else ["zh", "en"]
    for category in kb.categories.values():
        entries = kb.in_category(category.id)
        if not entries:
            continue
        ctx.out(" / ".join(category.name.get(code) for code in langs))
        for entry in entries:
            ctx.out(f"  {entry.id:<38} " + " / ".join(entry.title.get(code) for code in langs))
    return EXIT_OK
