"""``rightsbot law [SLUG [ARTICLE]]``: list the statute texts, or print one article."""

from __future__ import annotations

import argparse

from rightsbot.core.laws import ArticleNumber
from rightsbot.core.strings import t
from rightsbot.core.suggest import closest

from .context import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, Context


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``law`` subcommand."""
    parser = sub.add_parser("law", help="list laws or print an article / 查看法律条文",
                            description="List the shipped statute texts, or print one article. / "
                                        "列出法律文本，或显示一条条文。")
    parser.add_argument("slug", nargs="?", help="law file name, e.g. administrative-reconsideration-law")
    parser.add_argument("article", nargs="?", help="article number: 20, 第二十条, 133之1")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """Print the list, a law's header and article count, or one article."""
    kb = ctx.kb
    lang = ctx.lang if ctx.lang != "auto" else "zh"
    if not args.slug:
        ctx.out(t("law.list_heading", lang))
        for law in kb.laws.values():
            ctx.out(f"  {law.slug:<62} {law.title if lang == 'zh' else law.title_en}  ({law.version})")
        return EXIT_OK
    law = kb.laws.get(args.slug)
    if law is None:
        ctx.err(t("error.unknown_law", lang, slug=args.slug))
        suggestions = closest(args.slug, kb.laws)
        if suggestions:
            ctx.err(t("error.closest", lang, items=", ".join(suggestions)))
        return EXIT_NOT_FOUND
    header = f"{law.title}\n{law.title_en}\n{t('law.version', lang, version=law.version, date=law.effective_date)}"
    if not args.article:
        ctx.out(header)
        numbers = law.numbers()
        ctx.out(f"{numbers[0].chinese} – {numbers[-1].chinese} ({len(numbers)})")
        return EXIT_OK
    try:
        number = ArticleNumber.parse(args.article)
    except ValueError:
        ctx.err(t("error.bad_article", lang, value=args.article))
        return EXIT_USAGE
    article = law.article(number)
    if article is None:
        ctx.err(t("error.unknown_article", lang, title=law.title, article=number.chinese,
                  article_en=number.english))
        return EXIT_NOT_FOUND
    ctx.out(header)
    ctx.out("")
    ctx.out(f"{number.chinese} {article.text}")
    return EXIT_OK
