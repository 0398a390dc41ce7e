"""Plain-text renderings of entries and citations, shared by the CLI and the TUI's copy action."""

from __future__ import annotations

from .laws import Law
from .model import Citation, Entry, KnowledgeBase
from .strings import t


def citation_label(citation: Citation, kb: KnowledgeBase, lang: str) -> str:
    """《中华人民共和国行政复议法》第二十条, or the English form with the Chinese title beside it."""
    law = kb.laws.get(citation.law)
    if law is None:
        return f"{citation.law} {citation.article.key}"
    return law.cite(citation.article, lang)


def unique_citations(entry: Entry) -> list[Citation]:
    """The entry's citations with repeated articles folded into the first mention."""
    seen: set[tuple[str, str]] = set()
    result: list[Citation] = []
    for citation in entry.citations:
        key = (citation.law, citation.article.key)
        if key not in seen:
            seen.add(key)
            result.append(citation)
    return result


def article_block(law: Law, citation: Citation, lang: str) -> str:
    """The full article text under its citation heading."""
    article = law.article(citation.article)
    body = article.text if article else ""
    return f"{law.cite(citation.article, lang)}\n{body}"


def plain_markdown(text: str) -> str:
    """Markdown made readable as plain text (terminal, pipe, clipboard): bold marks removed."""
    return text.replace("**", "").rstrip()


def entry_text(entry: Entry, kb: KnowledgeBase, lang: str, cite_text: bool = False) -> str:
    """The whole answer as plain text: title, summary, steps, law, hotlines, related, note."""
    lines = [entry.title.get(lang), "=" * 2 * len(entry.title.get(lang)) if lang == "zh" else
             "=" * len(entry.title.get(lang)), "", entry.summary.get(lang), "",
             plain_markdown(entry.answer.get(lang)), "", t("heading.citations", lang)]
    for citation in unique_citations(entry):
        law = kb.laws.get(citation.law)
        if cite_text and law is not None:
            lines.append("")
            lines.extend("  " + row for row in article_block(law, citation, lang).splitlines())
        else:
            lines.append("- " + citation_label(citation, kb, lang))
    if entry.hotlines:
        lines += ["", t("heading.hotlines", lang)]
        for number in entry.hotlines:
            hotline = kb.hotlines.get(number)
            lines.append(f"- {number} {hotline.name.get(lang) if hotline else ''}".rstrip())
    if entry.related:
        lines += ["", t("heading.related", lang)]
        for related_id in entry.related:
            related = kb.entries.get(related_id)
            lines.append(f"- {related.title.get(lang) if related else related_id} ({related_id})")
    lines += ["", f"{t('heading.reviewed', lang)}: {entry.last_reviewed.isoformat()}", "",
              t("disclaimer", lang)]
    return "\n".join(lines)
