"""Every user-facing string of the CLI and TUI, in both languages.

Faces look strings up here by key, so no message exists in one language only (a test
checks every key has both).
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import LocalText

STRINGS: dict[str, LocalText] = {
    "app.title": LocalText("rightsbot 维权助手", "rightsbot rights helper"),
    "app.tagline": LocalText("离线运行 · 不保存任何内容 · 法律信息，不是律师意见",
                             "Offline · saves nothing · legal information, not a lawyer's advice"),
    "disclaimer": LocalText("以上是法律信息，不是律师意见。免费法律帮助：拨打 12348（公共法律服务热线）。",
                            "This is legal information, not a lawyer's advice. Free legal help: call 12348 "
                            "(public legal services hotline)."),
    "no_entry": LocalText("知识库里没有能回答这个问题的条目。",
                          "The knowledge base has no entry that answers this question."),
    "did_you_mean": LocalText("您可能想问：", "Did you mean:"),
    "see_topics": LocalText("查看全部主题：rightsbot topics", "See all topics: rightsbot topics"),
    "call_12348": LocalText("免费法律咨询和法律援助：拨打 12348。",
                            "Free legal advice and legal aid: call 12348."),
    "crisis_banner": LocalText("如果有人正处在危险中：报警 110 · 急救 120 · 火警 119 · 心理援助 12356",
                               "If someone is in danger now: police 110 · ambulance 120 · fire 119 · "
                               "psychological crisis line 12356"),
    "heading.summary": LocalText("简要回答", "In short"),
    "heading.answer": LocalText("怎么做", "What to do"),
    "heading.citations": LocalText("法律依据", "The law"),
    "heading.hotlines": LocalText("求助电话", "Hotlines"),
    "heading.related": LocalText("相关主题", "Related topics"),
    "heading.reviewed": LocalText("最近核对", "Last reviewed"),
    "error.empty_question": LocalText("问题是空的：请输入您想问的问题。",
                                      "The question is empty: please type what you want to ask."),
    "error.truncated": LocalText("问题太长，只使用了前 {n} 个字。",
                                 "The question is very long; only the first {n} characters were used."),
    "error.unknown_id": LocalText("没有 id 为“{id}”的条目。", "There is no entry with id '{id}'."),
    "error.unknown_law": LocalText("没有名为“{slug}”的法律文件。", "There is no law file named '{slug}'."),
    "error.unknown_article": LocalText("《{title}》没有{article}。", "{title} has no {article_en}."),
    "error.bad_article": LocalText("“{value}”不是条文序号（例如 20、第二十条、133之1）。",
                                   "'{value}' is not an article number (e.g. 20, 第二十条, 133之1)."),
    "error.closest": LocalText("最接近的是：{items}", "Closest matches: {items}"),
    "error.content": LocalText("内容有问题，rightsbot 无法启动：", "The content has problems; rightsbot cannot start:"),
    "error.internal": LocalText("rightsbot 因内部错误停止。没有保存任何内容。",
                                "rightsbot stopped because of an internal error. Nothing was saved."),
    "error.bad_utf8": LocalText("输入中有无法识别的字节，已替换为 �。",
                                "The input had bytes that are not UTF-8; they were replaced with �."),
    "privacy.ignored_env": LocalText("为保护隐私，已忽略可能记录会话的环境变量：{names}",
                                     "For your privacy these environment variables, which could record the "
                                     "session, were ignored: {names}"),
    "validate.ok": LocalText("内容检查通过：{entries} 个条目，{laws} 部法律，{citations} 处引用，{extra}没有问题。",
                             "Content OK: {entries} entries, {laws} laws, {citations} citations{extra}, no problems."),
    "validate.failed": LocalText("发现 {n} 个问题。", "{n} problems found."),
    "tui.not_a_terminal": LocalText(
        "终端界面需要在真正的终端里运行（标准输入和输出都不能被重定向）。脚本里请使用：rightsbot ask \"问题\"",
        "The terminal UI needs a real terminal (standard input and output must not be redirected). "
        "In scripts use: rightsbot ask \"question\""),
    "law.version": LocalText("版本：{version}，施行日期：{date}", "Version: {version}; in force from {date}"),
    "law.list_heading": LocalText("随附的法律文本（rightsbot law 名称 条号）：",
                                  "Statute texts shipped (rightsbot law SLUG ARTICLE):"),
}


def lookup(table: Mapping[str, LocalText], key: str, lang: str, **values: object) -> str:
    """``table[key]`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    Every string table of the project (core, deadlines, navigator, TUI) reads through here.
    """
    text = table[key].get(lang)
    return text.format(**values) if values else text


def lookup_local(table: Mapping[str, LocalText], key: str, **values: object) -> LocalText:
    """``table[key]`` in both languages, filled; values that are LocalText fill per language."""
    entry = table[key]
    return LocalText(
        entry.zh.format(**{k: (v.zh if isinstance(v, LocalText) else v) for k, v in values.items()}),
        entry.en.format(**{k: (v.en if isinstance(v, LocalText) else v) for k, v in values.items()}),
    )


def t(key: str, lang: str, **values: object) -> str:
    """The core string ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    return lookup(STRINGS, key, lang, **values)
