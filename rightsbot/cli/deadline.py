"""``rightsbot deadline RULE --from YYYY-MM-DD [--json]`` and ``rightsbot deadline --list [--json]``.

Computes a statutory deadline step by step from the rules in ``content/deadlines`` and the
official holiday schedule. Loads only the statutes, rules and calendar (not the whole
knowledge base), so a problem in an unrelated entry does not block it.
"""

from __future__ import annotations

import argparse
import datetime as dt

from rightsbot.core.suggest import closest
from rightsbot.core.text import clean_question
from rightsbot.deadlines import DeadlineInputError, compute, load_deadline_content, parse_start
from rightsbot.deadlines.render import result_json, result_text, rule_json, rules_text
from rightsbot.deadlines.strings import t

from .context import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, Context


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``deadline`` subcommand."""
    parser = sub.add_parser(
        "deadline", help="compute a statutory deadline / 计算法定期限",
        description="Compute a statutory deadline from a start date, step by step, with the law for each "
                    "step. The result is an estimate: confirm it with the body concerned or call 12348. / "
                    "按起算日逐步计算法定期限，每一步都注明法律依据。结果是估计，请向办理机关核实或拨打 12348。")
    parser.add_argument("rule", nargs="?", help="rule id, e.g. admin-reconsideration.apply (see --list)")
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                        help="the start date (the day you knew of the act, received the decision ...)")
    parser.add_argument("--list", action="store_true", help="list the rules / 列出全部规则")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    """List the rules, or compute one deadline; bad input gets a message and exit code 2."""
    msg_lang = ctx.lang if ctx.lang != "auto" else "en"
    if args.list and args.rule:
        ctx.err(t("error.list_and_rule", msg_lang))
        return EXIT_USAGE
    if not args.list and not args.rule:
        ctx.err(t("error.no_rule", msg_lang))
        return EXIT_USAGE
    if not args.list and args.start is None:
        ctx.err(t("error.no_from", msg_lang))
        return EXIT_USAGE
    content = load_deadline_content(ctx.content_dir)
    if not content.rules:
        ctx.err(t("error.no_rules", msg_lang))
        return EXIT_NOT_FOUND
    langs = [ctx.lang] if ctx.lang in ("zh", "en") else ["zh", "en"]
    if args.list:
        if args.json:
            ctx.json([rule_json(rule) for rule in content.rules.values()])
        else:
            ctx.out(rules_text(content.rules, content.laws, langs))
        return EXIT_OK
    rule = content.rules.get(args.rule.strip())
    if rule is None:
        ctx.err(t("error.unknown_rule", msg_lang, id=clean_question(args.rule)[0][:60]))
        suggestions = closest(args.rule, content.rules)
        if suggestions:
            ctx.err(t("error.closest", msg_lang, items=", ".join(suggestions)))
        ctx.err(t("error.see_list", msg_lang))
        return EXIT_USAGE
    try:
        start = parse_start(args.start, dt.date.today())
    except DeadlineInputError as error:
        ctx.err(error.message.get(msg_lang))
        return EXIT_USAGE
    result = compute(rule, start, content.calendar)
    if args.json:
        ctx.json(result_json(result))
    else:
        ctx.out(("\n\n" + "-" * 40 + "\n\n").join(result_text(result, content.laws, code) for code in langs))
    return EXIT_OK
