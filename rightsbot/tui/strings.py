"""The terminal UI's own strings, each in both languages.

Shared strings (the tagline, the crisis banner, headings, the disclaimer, error.internal
...) live in :mod:`rightsbot.core.strings`; :func:`tr` looks here first, then there, so
every screen asks one function for every text. A test checks that every key has both a
Chinese and an English text with the same ``{placeholders}``.
"""

from __future__ import annotations

from rightsbot.core.model import LocalText
from rightsbot.core.strings import STRINGS

L = LocalText

TEXTS: dict[str, LocalText] = {
    # ---------------------------------------------------------------- chrome
    "header.title": L("rightsbot 维权助手", "rightsbot rights helper"),
    "header.privacy": L("离线 · 不保存任何内容", "Offline · saves nothing"),
    "footer.more": L("F1 全部按键", "F1 all keys"),
    "lang.name": L("中文", "English"),
    "lang.switched": L("界面和回答已切换为中文。", "Screens and answers are now in English."),
    # ---------------------------------------------------------------- key labels (footer, help, palette)
    "key.quick_exit": L("快速离开", "Quick exit"),
    "key.quit": L("退出", "Quit"),
    "key.help": L("帮助", "Help"),
    "key.panel": L("详情栏", "Details"),
    "key.browse": L("浏览主题", "Browse"),
    "key.law": L("法律条文", "Laws"),
    "key.hotlines": L("热线", "Hotlines"),
    "key.language": L("English", "中文"),
    "key.copy": L("复制回答", "Copy answer"),
    "key.clear": L("清除对话", "Clear"),
    "key.commands": L("命令", "Commands"),
    "key.ask": L("提问", "Ask"),
    "key.back": L("返回", "Back"),
    "key.open": L("打开", "Open"),
    "key.next_article": L("下一条", "Next article"),
    "key.prev_article": L("上一条", "Previous article"),
    "key.goto": L("跳到条号", "Go to article"),
    "key.find": L("查找", "Find"),
    "key.pick_law": L("选择法律", "Pick a law"),
    "key.scroll": L("滚动对话", "Scroll"),
    "key.focus_next": L("下一个可选项", "Next item"),
    "key.theme": L("明暗主题", "Light/dark"),
    "key.filter": L("筛选", "Filter"),
    "key.deadline": L("计算期限", "Deadlines"),
    "key.guide": L("途径指引", "Routes guide"),
    "key.previous": L("上一题", "Previous question"),
    "key.confirm": L("确定", "Confirm"),
    # ---------------------------------------------------------------- main screen
    "main.input_placeholder": L("在这里输入您的问题，按回车提问（例如：老板拖欠工资怎么办）",
                                "Type your question and press Enter (e.g. my boss has not paid my wages)"),
    "main.welcome": L(
        "您好。请在下方输入问题，按回车。回答来自随附的知识库，每条都注明法律依据。\n"
        "F3 按主题浏览 · F4 查看法律条文 · F5 求助热线 · F8 计算期限 · F10 途径指引 · F1 帮助 · "
        "连按两次 Esc 立即离开。",
        "Hello. Type a question below and press Enter. Answers come from the bundled knowledge base, "
        "each with the law it relies on.\n"
        "F3 browse topics · F4 read the laws · F5 hotlines · F8 deadlines · F10 routes guide · F1 help · "
        "press Esc twice to leave at once."),
    "main.you_asked": L("您的问题", "You asked"),
    "main.opened": L("打开的主题", "Topic opened"),
    "main.cleared": L("对话已从屏幕和内存中清除。", "The conversation was wiped from the screen and from memory."),
    "main.loading": L("正在准备检索……", "Preparing the search…"),
    "main.other_topics": L("其他可能相关的主题", "Other topics that may fit"),
    "card.open_law_hint": L("选中后按回车查看条文", "select and press Enter to read the article"),
    "card.open_topic_hint": L("选中后按回车打开", "select and press Enter to open"),
    "abstain.closest": L("最接近的主题：", "The closest topics:"),
    "abstain.none": L("没有找到接近的主题。可以按 F3 按主题浏览。",
                      "No topic comes close. Press F3 to browse all topics."),
    "abstain.rephrase": L("换个说法再问，或者按 F3 按主题浏览。",
                          "Try other words, or press F3 to browse the topics."),
    "crisis.title": L("先保证安全", "Safety first"),
    # ---------------------------------------------------------------- side panel
    "panel.title": L("当前回答的详情", "This answer in detail"),
    "panel.empty": L("还没有回答。提问后，这里会列出法律依据、相关主题和热线。",
                     "No answer yet. After you ask, the law, related topics and hotlines appear here."),
    # ---------------------------------------------------------------- copy
    "copy.done": L("回答已复制到剪贴板。注意：剪贴板管理器可能会保留一份副本，用完后请清空剪贴板。",
                   "The answer was copied to the clipboard. Note: clipboard managers may keep a copy; "
                   "clear your clipboard when you are done."),
    "copy.nothing": L("还没有可以复制的回答。", "There is no answer to copy yet."),
    "copy.blocked": L("为保护隐私，只能用“复制回答”（F7）复制。",
                      "For your privacy, only 'Copy answer' (F7) puts text on the clipboard."),
    "quit.hint": L("连按两次 Esc 立即离开，或按 Ctrl+Q 退出。",
                   "Press Esc twice to leave at once, or Ctrl+Q to quit."),
    # ---------------------------------------------------------------- browse
    "browse.title": L("按主题浏览", "Browse topics"),
    "browse.placeholder": L("输入文字筛选主题（可以有错字）", "Type to filter topics (typos are fine)"),
    "browse.count": L("{n} 个主题", "{n} topics"),
    "browse.none": L("没有符合的主题。", "No topic matches."),
    # ---------------------------------------------------------------- law viewer
    "law.title": L("法律条文", "Statute texts"),
    "law.pick": L("选择一部法律", "Pick a law"),
    "law.filter_placeholder": L("筛选法律名称", "Filter law titles"),
    "law.goto_placeholder": L("条号，例如 20、第二十条、133之1", "Article number, e.g. 20, 第二十条, 133之1"),
    "law.find_placeholder": L("在这部法律中查找文字", "Find text in this law"),
    "law.meta": L("{kind} · 版本：{version} · 施行日期：{date}", "{kind} · version: {version} · in force from {date}"),
    "law.position": L("第 {index} / {total} 条", "article {index} of {total}"),
    "law.matches": L("“{needle}”出现在 {n} 条中", "'{needle}' is in {n} articles"),
    "law.no_match": L("这部法律中没有“{needle}”。", "'{needle}' does not occur in this law."),
    "law.no_article": L("这部法律没有{article}。", "This law has no {article_en}."),
    "law.first": L("已经是第一条。", "This is the first article."),
    "law.last": L("已经是最后一条。", "This is the last article."),
    "law.none_selected": L("先在左边选择一部法律。", "Pick a law on the left first."),
    "law.source": L("来源：{source}", "Source: {source}"),
    "kind.宪法": L("宪法", "Constitution"),
    "kind.法律": L("法律", "Law"),
    "kind.行政法规": L("行政法规", "Administrative regulation"),
    "kind.部门规章": L("部门规章", "Departmental rule"),
    "kind.司法解释": L("司法解释", "Judicial interpretation"),
    "kind.党内法规（中共中央、国务院联合发布）": L("党内法规（中共中央、国务院联合发布）",
                                         "Party regulation (issued jointly by the CPC Central Committee "
                                         "and the State Council)"),
    # ---------------------------------------------------------------- deadline calculator
    "deadline.title": L("期限计算", "Deadline calculator"),
    "deadline.filter_placeholder": L("输入文字筛选", "Type to filter"),
    "deadline.count": L("{n} 种期限", "{n} deadlines"),
    "deadline.none": L("没有符合的期限。", "No deadline matches."),
    "deadline.pick": L("先在左边选一种期限：↑↓ 移动，回车选定。", "Pick a deadline on the left first: ↑ ↓ to move, Enter to choose."),
    "deadline.start": L("起算日：{start}", "Start date: {start}"),
    "deadline.date_placeholder": L("起算日，如 2026-03-01、2026/3/1、2026年3月1日",
                                   "Start date, e.g. 2026-03-01, 2026/3/1 or 2026年3月1日"),
    "deadline.no_date": L("请输入起算日，例如 2026-03-01。", "Type the start date, e.g. 2026-03-01."),
    "deadline.empty": L("选好期限，输入起算日，按回车计算。结果是估计，每一步都注明法律依据；Tab 移到依据上，回车查看条文。",
                        "Pick a deadline, type the start date and press Enter. The result is an estimate, with the "
                        "law for each step; Tab to an article and press Enter to read it."),
    # ---------------------------------------------------------------- guided triage
    "guide.title": L("维权途径指引", "Routes guide"),
    "guide.date_placeholder": L("年-月-日，如 2026-03-01、2026/3/1、2026年3月1日",
                                "YYYY-MM-DD, e.g. 2026-03-01, 2026/3/1 or 2026年3月1日"),
    "guide.hint.choice": L("↑↓ 或数字选择，回车确定 · ⌫ 上一题 · Esc 离开并清除全部回答",
                           "↑ ↓ or a number to choose, Enter to answer · ⌫ previous question · "
                           "Esc leaves and clears every answer"),
    "guide.hint.multi": L("空格或数字勾选（可以多选），回车继续 · ⌫ 上一题 · Esc 离开并清除全部回答",
                          "Space or a number to tick (several allowed), Enter to go on · ⌫ previous question · "
                          "Esc leaves and clears every answer"),
    "guide.hint.date": L("输入日期，按回车 · 框内为空时 ⌫ 回到上一题 · Esc 离开并清除全部回答",
                         "Type the date and press Enter · ⌫ in the empty box: previous question · "
                         "Esc leaves and clears every answer"),
    "guide.hint.result": L("Tab 在链接之间移动，回车打开 · ⌫ 回到上一题 · Esc 离开并清除全部回答",
                           "Tab moves between links, Enter opens · ⌫ back to the last question · "
                           "Esc leaves and clears every answer"),
    "guide.steps_link": L("计算过程：{name}，从 {date} 起算", "Step by step: {name}, from {date}"),
    "tools.unavailable": L("这部分内容无法载入（内容文件有问题）。请运行 rightsbot validate 查看原因。",
                           "This part could not be loaded (a problem in the content files). Run "
                           "rightsbot validate to see why."),
    # ---------------------------------------------------------------- hotlines
    "hotlines.title": L("求助热线", "Hotlines"),
    "hotlines.note": L("以下都是全国统一号码，拨打免费或按市话计费；各地具体受理部门可能不同。",
                       "All numbers below are national; local offices that answer may differ."),
    # ---------------------------------------------------------------- help
    "help.title": L("帮助", "Help"),
    "help.keys": L("按键", "Keys"),
    "help.keys_everywhere": L("在任何界面都可以用", "On every screen"),
    "help.keys_main": L("对话界面", "Conversation"),
    "help.keys_law": L("法律条文界面", "Law viewer"),
    "help.keys_lists": L("列表和链接", "Lists and links"),
    "help.key.enter": L("提问；在列表或链接上：打开", "ask; on a list item or link: open"),
    "help.key.tab": L("在输入框、链接和列表之间移动", "move between the input, links and lists"),
    "help.key.arrows": L("在列表中上下移动；PageUp/PageDown 滚动对话", "move in a list; PageUp/PageDown scroll"),
    "help.key.esc": L("返回上一层", "go back one level"),
    "help.key.esc_esc": L("（快速连按两次）立即退出，不询问，不留痕迹", "(twice, quickly) leave at once, no question asked"),
    "help.key.law_nav": L("n / → 下一条 · p / ← 上一条 · g 跳到条号 · / 查找 · l 选择法律",
                          "n / → next article · p / ← previous · g go to number · / find · l pick a law"),
    "help.keys_deadline": L("期限计算界面", "Deadline calculator"),
    "help.key.deadline_nav": L("输入文字筛选 · ↓ 到列表 · 回车选定期限 · 输入起算日后回车计算 · Tab 到法律依据，回车查看条文",
                               "type to filter · ↓ to the list · Enter chooses a deadline · type the start date "
                               "and press Enter · Tab to an article, Enter to read it"),
    "help.keys_guide": L("途径指引界面", "Routes guide"),
    "help.key.guide_nav": L("↑↓ 或数字选择，回车确定 · 多选题用空格勾选 · ⌫ 上一题 · Esc 离开并清除全部回答",
                            "↑ ↓ or a number to choose, Enter to answer · Space ticks in a several-choice "
                            "question · ⌫ previous question · Esc leaves and clears every answer"),
    "help.privacy": L("隐私承诺", "The privacy promise"),
    "help.privacy_body": L(
        "rightsbot 完全离线运行：不联网，不写任何文件，不记录提问历史，不保存设置。对话只在内存里，"
        "按 Ctrl+L 立即清除，退出后全部丢弃。程序运行时有一道防护，一旦有代码试图写文件、联网或启动其他程序就会被拦下。"
        "只有“复制回答”（F7）会把内容放到剪贴板。",
        "rightsbot runs fully offline: no network, no files written, no history of questions, no saved "
        "settings. The conversation lives only in memory; Ctrl+L wipes it at once and quitting discards it. "
        "A guard runs inside the program and stops any attempt to write a file, use the network or start "
        "another program. Only 'Copy answer' (F7) puts anything on the clipboard."),
    "help.limits": L("这个承诺的边界", "Where the promise stops"),
    "help.limits_body": L(
        "rightsbot 管不到它之外的东西：终端程序或 tmux 可能保留滚动记录；录屏软件、远程桌面和监控软件能看到屏幕；"
        "剪贴板管理器可能保存复制的内容；在 shell 中输入的命令（例如 rightsbot ask 问题）可能写进 shell 历史；"
        "别人拿到这台设备，或设备被安装了监控程序，这里的防护都无能为力。必要时请使用可信的设备。",
        "rightsbot cannot control what is outside it: your terminal or tmux may keep scrollback; screen "
        "recorders, remote-desktop and monitoring software can see the screen; clipboard managers may keep "
        "what you copy; commands typed in a shell (such as rightsbot ask QUESTION) may be saved in the shell "
        "history; and nothing here helps if someone else has the device or has installed monitoring "
        "software on it. Use a device you trust when it matters."),
    "help.advice": L("不是律师意见", "Not legal advice"),
    "help.advice_body": L(
        "这里提供的是法律信息：法律怎么规定、一般怎么办。它不了解您的具体情况，也不能代替律师。"
        "期限、管辖和材料要求可能因地方和案件而不同，重要的事请向专业人员确认。",
        "This is legal information: what the law says and how things are usually done. It does not know "
        "your circumstances and is no substitute for a lawyer. Deadlines, jurisdiction and paperwork can "
        "differ by place and case; check with a professional when it matters."),
    "help.free_help": L("哪里有免费法律帮助", "Where to find free legal help"),
    "help.free_help_body": L(
        "12348 公共法律服务热线：免费法律咨询，了解和申请法律援助。各县、市、区都有法律援助中心"
        "（通常设在司法局或公共法律服务中心），经济困难的可以申请免费律师。"
        "劳动问题也可以打 12333，消费问题打 12315。有危险先打 110。",
        "12348, the public legal services hotline: free legal advice, and how to apply for legal aid. Every "
        "county and city district has a legal aid centre (usually at the justice bureau or the public legal "
        "services centre); people with little money can apply for a free lawyer. For work problems you can "
        "also call 12333, for consumer problems 12315. In danger, call 110 first."),
    "help.close": L("按 Esc 或 F1 关闭帮助", "Press Esc or F1 to close help"),
    # ---------------------------------------------------------------- command palette
    "palette.placeholder": L("搜索命令……", "Search for commands…"),
    "cmd.ask": L("提问", "Ask a question"),
    "cmd.ask.help": L("回到对话，光标移到提问框", "Back to the conversation, cursor in the question box"),
    "cmd.browse": L("按主题浏览", "Browse topics"),
    "cmd.browse.help": L("分类和主题，可输入文字筛选", "Categories and topics, with a filter"),
    "cmd.law": L("法律条文", "Statute texts"),
    "cmd.law.help": L("阅读随附的法律，按条号跳转，查找文字", "Read the laws shipped, jump to an article, find text"),
    "cmd.hotlines": L("求助热线", "Hotlines"),
    "cmd.hotlines.help": L("全国求助和投诉电话", "National help and complaint numbers"),
    "cmd.language": L("切换语言：English", "Switch language: 中文"),
    "cmd.language.help": L("所有界面和回答改用英文", "All screens and answers in Chinese"),
    "cmd.clear": L("清除对话", "Clear the conversation"),
    "cmd.clear.help": L("从屏幕和内存中抹去", "Wipe it from the screen and from memory"),
    "cmd.copy": L("复制回答", "Copy answer"),
    "cmd.copy.help": L("把当前回答放到剪贴板（剪贴板管理器可能保留）",
                       "Put the current answer on the clipboard (clipboard managers may keep it)"),
    "cmd.panel": L("显示或隐藏详情栏", "Show or hide the details panel"),
    "cmd.panel.help": L("当前回答的法律依据、相关主题和热线", "The current answer's law, related topics, hotlines"),
    "cmd.theme": L("切换明暗主题", "Switch light/dark theme"),
    "cmd.theme.help": L("适合浅色或深色终端", "For light or dark terminals"),
    "cmd.deadline": L("计算期限", "Compute a deadline"),
    "cmd.deadline.help": L("选择程序，输入起算日：逐步算出最后一日，每步注明法律依据",
                           "Pick the procedure, type the start date: the last day, step by step, with the law"),
    "cmd.guide": L("维权途径指引", "Routes guide"),
    "cmd.guide.help": L("回答几个问题：能走哪些途径、找谁、期限、费用（回答不保存）",
                        "Answer a few questions: the routes open to you, where, by when, the cost (nothing kept)"),
    "cmd.help": L("帮助", "Help"),
    "cmd.help.help": L("按键、隐私承诺、免费法律帮助", "Keys, the privacy promise, free legal help"),
    "cmd.quit": L("退出", "Quit"),
    "cmd.quit.help": L("立即退出，什么都不保存", "Leave now; nothing is saved"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (this module first, then the core strings)."""
    text = TEXTS.get(key) or STRINGS[key]
    value = text.get(lang)
    return value.format(**values) if values else value


def kind_name(kind: str, lang: str) -> str:
    """The rank of an instrument (法律, 行政法规 ...) in ``lang``; unknown ranks as written."""
    text = TEXTS.get(f"kind.{kind}")
    return text.get(lang) if text else kind


def other_lang(lang: str) -> str:
    """The language the toggle switches to."""
    return "en" if lang == "zh" else "zh"
