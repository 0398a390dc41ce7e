"""Every user-facing string of the deadline calculator, in both languages.

Kept beside the calculator (not in ``core/strings.py``) so the feature is self-contained; a
test checks that every key has both languages and the same placeholders in each.
"""

from __future__ import annotations

import datetime as dt

from rightsbot.core.model import LocalText
from rightsbot.core.strings import lookup, lookup_local

#: Every string by key; steps, results, the rule list and error messages.
STRINGS: dict[str, LocalText] = {
    # --- steps ---------------------------------------------------------------------------
    "step.applies": LocalText("本程序的期间：{method}。", "Periods in this procedure: {method}."),
    "step.short_working_days": LocalText(
        "法律规定本程序的“{n}日”是指工作日，不含法定休假日，所以按{n}个工作日计算。",
        "The law makes this procedure's {n}-day periods working days, excluding statutory rest days, "
        "so {n} working days are counted."),
    "step.start": LocalText(
        "起算日 {date}（{weekday}）：{start}。开始的当日不计入，从次日 {next} 开始计算。",
        "Start date {date} ({weekday}): {start}. The start day is not counted; counting begins the next "
        "day, {next}."),
    "step.period_days": LocalText(
        "期间为{period}：从 {next} 数起，第 {n} 日是 {end}（{weekday}）。",
        "The period is {period}: counting from {next}, day {n} is {end} ({weekday})."),
    "step.period_months": LocalText(
        "期间为{period}，从 {start} 起算。",
        "The period is {period}, counted from {start}."),
    "step.corresponding_day": LocalText(
        "按年、月计算的期间，到期月的对应日 {end}（{weekday}）为期间的最后一日。",
        "For a period in months or years, the corresponding day of the final month, {end} ({weekday}), "
        "is the last day."),
    "step.month_end": LocalText(
        "{year}年{month}月没有第 {day} 日（没有对应日），以该月最后一日 {end}（{weekday}）为期间的最后一日。",
        "{month} {year} has no day {day} (no corresponding day), so the last day of that month, "
        "{end} ({weekday}), is the last day of the period."),
    "step.working_days": LocalText(
        "期间为{period}：从 {next} 起只数工作日，跳过 {skipped} 个休息日{holidays}{makeup}，"
        "第 {n} 个工作日是 {end}（{weekday}）。",
        "The period is {period}: counting only working days from {next}, skipping {skipped} rest "
        "day(s){holidays}{makeup}, working day {n} is {end} ({weekday})."),
    "step.working_days.holidays": LocalText("（其中有{names}假期）", " (including the {names} holiday)"),
    "step.working_days.makeup": LocalText("，调休上班日 {dates} 计为工作日",
                                          "; the make-up working day(s) {dates} count as working days"),
    "step.rest_moved": LocalText(
        "{end}（{weekday}）是法定休假日（{why}），以休假日后的第一日 {new}（{new_weekday}）为最后一日。",
        "{end} ({weekday}) is a statutory rest day ({why}), so the last day becomes the first day after "
        "the rest days, {new} ({new_weekday})."),
    "step.rest_makeup": LocalText(
        "{end}（{weekday}）虽是周末，但按国务院放假安排是调休上班日{holiday}，不是法定休假日，不顺延。",
        "{end} ({weekday}) is a weekend day but an official make-up working day{holiday}, not a statutory "
        "rest day, so it does not move."),
    "step.rest_none": LocalText("{end}（{weekday}）是工作日，不顺延。",
                                "{end} ({weekday}) is a working day, so it does not move."),
    "why.weekend": LocalText("周末", "weekend"),
    "why.holiday": LocalText("{name}假期", "{name} holiday"),
    "why.weekend_unofficial": LocalText("周末；当年节假日安排未知", "weekend; that year's holiday schedule is unknown"),
    "makeup.holiday": LocalText("（{name}调休）", " (for the {name} holiday)"),
    "step.calendar_official": LocalText(
        "节假日和调休上班日依据国务院办公厅公布的放假安排（{sources}）。",
        "Public holidays and make-up working days follow the State Council's official schedule ({sources})."),
    "step.calendar_weekends_only": LocalText(
        "注意：{years}年的法定节假日安排未知（尚未公布，或程序没有收录）。这些年份只把周六、周日当作休息日，"
        "没有计入节假日和调休，结果可能不准；请核对国务院办公厅当年的放假通知。",
        "Note: the official holiday schedule for {years} is not known (not yet published, or not included). "
        "For those years only Saturdays and Sundays were treated as rest days, without public holidays or "
        "make-up working days, so the result may be wrong; check that year's State Council notice."),
    "source.library": LocalText("chinesecalendar 数据", "chinesecalendar data"),
    "step.deadline.you": LocalText(
        "结论：最后一日是 {date}（{weekday}）。你需要在这一天或之前办理。",
        "Result: the last day is {date} ({weekday}). You must act on or before that day."),
    "step.deadline.authority": LocalText(
        "结论：最后一日是 {date}（{weekday}）。办理机关应当在这一天或之前办理。",
        "Result: the last day is {date} ({weekday}). The authority must act on or before that day."),
    "step.extension": LocalText(
        "可以延长：{condition}；最多延长{period}。从原期间最后一日 {raw_end} 的次日起再算{period}，"
        "延长后的最后一日是 {end}（{weekday}）{moved}。",
        "Extension: {condition}; by at most {period}. Counting {period} more from the day after the "
        "original period's last day ({raw_end}), the extended last day is {end} ({weekday}){moved}."),
    "step.extension.moved": LocalText("（{raw} 是法定休假日，已顺延）", " ({raw} is a statutory rest day, so it moved)"),
    "step.extension_open": LocalText(
        "可以延长：{condition}。法律没有规定最多延长多久，以办理机关的书面告知为准。",
        "Extension: {condition}. The law sets no maximum; rely on what the body tells you in writing."),
    "step.deadline.other-party": LocalText(
        "结论：最后一日是 {date}（{weekday}）。对方应当在这一天或之前办理。",
        "Result: the last day is {date} ({weekday}). The other party must act on or before that day."),
    # --- result text -------------------------------------------------------------------------
    "result.heading": LocalText("期限计算：{name}", "Deadline: {name}"),
    "result.rule": LocalText("规则 {id}：{period}，起算日是{start}。", "Rule {id}: {period}, starting from {start}."),
    "result.deadline": LocalText("最后一日：{date}（{weekday}）", "Last day: {date} ({weekday})"),
    "result.extended": LocalText("如依法延长到最长：{date}（{weekday}）", "If extended in full: {date} ({weekday})"),
    "result.who.you": LocalText("由谁办理：你", "Who must act: you"),
    "result.who.authority": LocalText("由谁办理：办理机关", "Who must act: the authority"),
    "result.who.other-party": LocalText("由谁办理：对方", "Who must act: the other party"),
    "result.steps": LocalText("计算步骤", "How it was counted"),
    "result.basis": LocalText("依据", "Law"),
    "result.law": LocalText("法律依据", "The law"),
    "result.calendar.weekends-only": LocalText("节假日：只按周末计算（当年安排未知）",
                                               "Holidays: weekends only (that year's schedule is unknown)"),
    "result.calendar.mixed": LocalText("节假日：部分按官方安排，部分只按周末计算",
                                       "Holidays: partly the official schedule, partly weekends only"),
    "result.calendar.official": LocalText("节假日：官方放假安排", "Holidays: the official schedule"),
    "result.notice": LocalText(
        "这是按法律规定推算的估计日期，请向办理机关核实，或拨打 12348 咨询。起算日是你自己判断的日期；"
        "起算日不对，结果也不对。拿不准就尽早办理，不要等到最后一天。",
        "This is an estimate worked out from the statute: confirm it with the body concerned or call 12348. "
        "The start date is your own assessment; if it is wrong, so is the result. If in doubt, act early "
        "rather than on the last day."),
    "list.heading": LocalText("可以计算的期限（rightsbot deadline 规则 --from 日期）：",
                              "Deadlines that can be computed (rightsbot deadline RULE --from DATE):"),
    "list.actor.you": LocalText("你", "you"),
    "list.actor.authority": LocalText("机关", "authority"),
    "list.actor.other-party": LocalText("对方", "other party"),
    "validate.rules": LocalText("{n} 条期限规则，", ", {n} deadline rules"),
    # --- errors ------------------------------------------------------------------------------
    "error.no_rule": LocalText("请指定期限规则，例如：rightsbot deadline admin-reconsideration.apply --from 2026-03-01；"
                               "全部规则：rightsbot deadline --list",
                               "Name a deadline rule, e.g. rightsbot deadline admin-reconsideration.apply "
                               "--from 2026-03-01; all rules: rightsbot deadline --list"),
    "error.list_and_rule": LocalText("--list 不能和规则名同时使用。",
                                     "--list cannot be combined with a rule name."),
    "error.no_from": LocalText("请用 --from YYYY-MM-DD 给出起算日，例如 --from 2026-03-01。",
                               "Give the start date with --from YYYY-MM-DD, e.g. --from 2026-03-01."),
    "error.unknown_rule": LocalText("没有名为“{id}”的期限规则。", "There is no deadline rule named '{id}'."),
    "error.closest": LocalText("最接近的是：{items}", "Closest matches: {items}"),
    "error.see_list": LocalText("全部规则：rightsbot deadline --list", "All rules: rightsbot deadline --list"),
    "error.no_rules": LocalText("内容文件夹里没有期限规则（deadlines/*.yaml）。",
                                "The content folder has no deadline rules (deadlines/*.yaml)."),
    "date.malformed": LocalText("“{value}”不是日期：请按 YYYY-MM-DD 的格式写，例如 2026-03-01。",
                                "'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01."),
    "date.bad_month": LocalText("{value} 这一天不存在：月份只能是 01 到 12。",
                                "{value} does not exist: the month must be 01 to 12."),
    "date.bad_day": LocalText("{value} 这一天不存在：{year}年{month}月只有 {days} 天。",
                              "{value} does not exist: {month} {year} has {days} days."),
    "date.too_early": LocalText("起算日 {value} 太早：只能计算 {limit} 以后的期限。",
                                "The start date {value} is too early: only dates from {limit} on can be counted."),
    "date.too_late": LocalText("起算日 {value} 太远：最晚只能是今天起 {years} 年内（{limit} 之前）。",
                               "The start date {value} is too far ahead: it must be within {years} years of "
                               "today (on or before {limit})."),
}

_WEEKDAYS = (LocalText("星期一", "Monday"), LocalText("星期二", "Tuesday"), LocalText("星期三", "Wednesday"),
             LocalText("星期四", "Thursday"), LocalText("星期五", "Friday"), LocalText("星期六", "Saturday"),
             LocalText("星期日", "Sunday"))
#: English month names, independent of the process locale.
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    return lookup(STRINGS, key, lang, **values)


def local(key: str, **values: object) -> LocalText:
    """The string ``key`` in both languages, filled; values that are LocalText fill per language."""
    return lookup_local(STRINGS, key, **values)


def weekday(date: dt.date) -> LocalText:
    """星期一 / Monday."""
    return _WEEKDAYS[date.weekday()]
