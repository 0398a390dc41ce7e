"""Every user-facing string of the guided interview (``rightsbot guide``), in both languages.

Kept beside the navigator (not in ``core/strings.py``) so the feature is self-contained, as
the deadline calculator does; a test checks that every key has both languages and the same
``{placeholders}`` in each. Texts that belong to a flow (questions, routes) live in
``content/flows/*.yaml``, not here.
"""

from __future__ import annotations

from rightsbot.core.model import LocalText
from rightsbot.core.strings import lookup, lookup_local

#: Every string by key: prompts, result headings, error messages.
STRINGS: dict[str, LocalText] = {
    # --- asking -----------------------------------------------------------------------------
    "ask.number": LocalText("第 {n} 题", "Question {n}"),
    "ask.choose_one": LocalText("输入一个编号后按回车。", "Type one number and press Enter."),
    "ask.choose_many": LocalText("可以选多个，用逗号隔开，例如 1,3。", "You may choose several, separated by commas, e.g. 1,3."),
    "ask.date": LocalText("按 年-月-日 输入日期，例如 2026-03-01。", "Type the date as YYYY-MM-DD, e.g. 2026-03-01."),
    "ask.controls": LocalText("输入 b 返回上一题；按 Ctrl-D 退出。你的回答只在内存里，不会保存。",
                              "Type b to go back; press Ctrl-D to quit. Your answers stay in memory and are "
                              "never saved."),
    "ask.first": LocalText("这已经是第一题。", "This is already the first question."),
    "ask.stopped": LocalText("已退出。你的回答没有保存。", "Stopped. Your answers were not saved."),
    # --- answer errors ----------------------------------------------------------------------
    "error.choice": LocalText("“{value}”不是这一题的选项：请输入 1 到 {n} 之间的一个编号。",
                              "'{value}' is not one of the choices: type one number from 1 to {n}."),
    "error.choice_one": LocalText("这一题只能选一项：请输入 1 到 {n} 之间的一个编号。",
                                  "Choose only one here: type one number from 1 to {n}."),
    "error.multi_empty": LocalText("请至少选一项（输入编号，多个用逗号隔开）。",
                                   "Choose at least one (type the numbers, separated by commas)."),
    "error.multi_exclusive": LocalText("“{label}”不能和其他选项同时选。",
                                       "'{label}' cannot be chosen together with other choices."),
    "error.date_type": LocalText("这一题需要一个日期，按 年-月-日 写，例如 2026-03-01。",
                                 "This question needs a date written YYYY-MM-DD, e.g. 2026-03-01."),
    "error.date_future": LocalText("{value} 在今天（{today}）之后：请填已经发生的那一天。",
                                   "{value} is after today ({today}): give the day it actually happened."),
    "error.answer_type": LocalText("这一题的答案应当是一个编号或选项名。",
                                   "The answer to this question must be a number or a choice's name."),
    # --- scripted answers (--answers FILE) ---------------------------------------------------
    "answers.unreadable": LocalText("无法读取答案文件 {path}：{reason}",
                                    "Cannot read the answers file {path}: {reason}"),
    "answers.not_mapping": LocalText(
        "答案文件必须是“题目 id: 答案”的映射（YAML 或 JSON），例如 danger: \"no\"。",
        "The answers file must map question ids to answers (YAML or JSON), e.g. danger: \"no\"."),
    "answers.unknown": LocalText("答案文件里有流程中不存在的题目：{ids}。流程中的题目：{known}",
                                 "The answers file names questions the interview does not have: {ids}. "
                                 "Its questions are: {known}"),
    "answers.missing": LocalText("答案文件里缺少题目“{id}”的答案（{text}）。",
                                 "The answers file has no answer for question '{id}' ({text})."),
    "answers.bad": LocalText("题目“{id}”的答案有问题：{message}", "The answer to question '{id}' is not usable: {message}"),
    # --- command errors ---------------------------------------------------------------------
    "error.bad_today": LocalText("--today 需要 YYYY-MM-DD 格式的日期。", "--today needs a date written YYYY-MM-DD."),
    "error.unknown_flow": LocalText("没有名为“{id}”的指引流程。现有：{known}",
                                    "There is no guided interview named '{id}'. Available: {known}"),
    # --- result -----------------------------------------------------------------------------
    "result.heading": LocalText("指引结果：{title}", "Your routes: {title}"),
    "result.emergency": LocalText("先保安全", "Safety first"),
    "result.emergency_more": LocalText("详细阅读：{title}（rightsbot show {id}）",
                                       "Read more: {title} (rightsbot show {id})"),
    "result.open": LocalText("可以走的途径（按建议的顺序）", "Routes open to you (in the recommended order)"),
    "result.none_open": LocalText(
        "按你的回答，没有明显还开着的途径。这不等于没有办法：尽快拨打 12348 免费法律咨询。",
        "From your answers no route is clearly still open. That does not mean nothing can be done: call "
        "12348 for free legal advice as soon as you can."),
    "result.closed": LocalText("可能已经关闭或暂时不适用的途径", "Routes probably closed or not available now"),
    "result.interactions": LocalText("选择一条途径对其他途径的影响", "How choosing one route affects another"),
    "result.see_also": LocalText("也请阅读", "Also read"),
    "result.memory": LocalText("你的回答只在内存里，离开这个界面就全部清除，不会保存。",
                               "Your answers are kept in memory only and are cleared when you leave; "
                               "nothing is saved."),
    "route.body": LocalText("找谁", "Where"),
    "route.cost": LocalText("费用", "Cost"),
    "route.bring": LocalText("带什么", "Bring"),
    "route.deadline": LocalText("期限", "Deadline"),
    "route.basis": LocalText("依据", "Law"),
    "route.read": LocalText("详细阅读", "Read"),
    "route.entry": LocalText("{title}（rightsbot show {id}）", "{title} (rightsbot show {id})"),
    "route.why_closed": LocalText("原因", "Why"),
    "deadline.last_day": LocalText("最后一日 {date}（{weekday}），还剩 {days} 天。",
                                   "last day {date} ({weekday}), {days} days from today."),
    "deadline.today": LocalText("最后一日就是今天 {date}（{weekday}）：今天就要办。",
                                "the last day is today, {date} ({weekday}): act today."),
    "deadline.urgent": LocalText("时间很紧：尽快办理，拿不准先拨打 12348。",
                                 "Time is short: act at once, and call 12348 if unsure."),
    "deadline.from": LocalText("从你给的日期 {date} 算起（起算日：{start}）。",
                               "Counted from the date you gave, {date} (the start date: {start})."),
    "deadline.steps": LocalText("计算过程：rightsbot deadline {rule} --from {date}",
                                "Step by step: rightsbot deadline {rule} --from {date}"),
    "deadline.calendar": LocalText("当年的节假日安排未知，只按周末计算，日期可能有出入。",
                                   "That year's holiday schedule is unknown (weekends only), so the date may be off."),
    "deadline.none": LocalText("这里不计算，详见条目。", "not computed here; see the entry."),
    "deadline.no_date": LocalText("没有问到起算日期，这里不计算，详见条目。",
                                  "no start date was asked for, so it is not computed here; see the entry."),
    "deadline.passed": LocalText(
        "按你给的日期 {date} 计算，“{name}”的最后一日是 {last}，已经过了。这条路可能已经关闭，但可能有例外"
        "（例如期限被中断或中止、机关没有告知你权利和期限、因不可抗力等正当理由耽误）。不要自己放弃：尽快拨打 "
        "12348 问清楚。",
        "From the date you gave, {date}, the last day ({name}) was {last}, which has passed. This route "
        "is probably closed, but there may be exceptions (the period was interrupted or suspended, you were "
        "never told of your rights and the deadline, or a justified reason such as force majeure delayed you). "
        "Do not give up on your own: call 12348 as soon as you can."),
    "deadline.note": LocalText("注意：{note}", "Note: {note}"),
    "validate.flows": LocalText("{n} 个指引流程，", ", {n} guided interview(s)"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    return lookup(STRINGS, key, lang, **values)


def local(key: str, **values: object) -> LocalText:
    """The string ``key`` in both languages, filled; values that are LocalText fill per language."""
    return lookup_local(STRINGS, key, **values)
