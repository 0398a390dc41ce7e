"""Cross-reference checks over a loaded knowledge base.

Schema problems are found while reading (``loader``); here we check what needs the whole
picture: related ids exist, categories and hotlines are known, every citation resolves to
an article, every quote is verbatim, and every figure stated is backed by a quote.
"""

from __future__ import annotations

from collections.abc import Mapping

from .errors import Problem
from .figures import Figure, figures_in
from .laws import Law, normalise_quote
from .model import LANGS, Citation, Entry, KnowledgeBase


def check_citation(citation: Citation, laws: Mapping[str, Law], path: str) -> list[Problem]:
    """The citation resolves to a shipped article and its quote is verbatim in it.

    One check for every kind of content that cites the law: entries, deadline rules, flows.
    """
    law = laws.get(citation.law)
    if law is None:
        return [Problem(path, citation.line,
                        f"citation to unknown law '{citation.law}' (no content/laws/{citation.law}.md)")]
    article = law.article(citation.article)
    if article is None:
        return [Problem(path, citation.line,
                        f"{law.bracketed_title} has no {citation.article.chinese} (article {citation.article.key})")]
    if citation.quote is not None and normalise_quote(citation.quote) not in normalise_quote(article.text):
        return [Problem(path, citation.line,
                        f"quote is not verbatim in {law.bracketed_title}{citation.article.chinese}: "
                        f"{citation.quote[:60]!r}")]
    return []


def _check_citations(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    for citation in entry.citations:
        problems += check_citation(citation, kb.laws, entry.path)
    return problems


def unquoted_figures(entry: Entry) -> set[Figure]:
    """Figures stated in the entry (either language) that no quote or exemption backs."""
    stated: set[Figure] = set()
    for lang in LANGS:
        for text in (entry.title.get(lang), entry.summary.get(lang), entry.answer.get(lang)):
            stated |= figures_in(text)
    backed: set[Figure] = set()
    for citation in entry.citations:
        if citation.quote:
            backed |= figures_in(citation.quote)
    for exemption in entry.exempt:
        backed |= figures_in(exemption.figure)
    return stated - backed


def check_entry(entry: Entry, kb: KnowledgeBase, authoring_checks: bool = True) -> list[Problem]:
    """Every cross-reference problem of one entry (and, with ``authoring_checks``, unquoted figures)."""
    problems = _check_citations(entry, kb)
    if entry.category not in kb.categories:
        problems.append(Problem(entry.path, entry.line_of("category"), f"unknown category '{entry.category}' (see categories.yaml)"))
    for related in entry.related:
        if related not in kb.entries:
            problems.append(Problem(entry.path, entry.line_of("related"), f"related id '{related}' does not exist"))
        elif related == entry.id:
            problems.append(Problem(entry.path, entry.line_of("related"), "an entry cannot be related to itself"))
    for number in entry.hotlines:
        if number not in kb.hotlines:
            problems.append(Problem(entry.path, entry.line_of("hotlines"), f"hotline '{number}' is not in hotlines.yaml"))
    missing = unquoted_figures(entry) if authoring_checks else set()
    if missing:
        listed = ", ".join(str(f) for f in sorted(missing))
        problems.append(Problem(entry.path, entry.line_of("answer"),
                                f"figures stated without a verbatim quote that contains them: {listed} "
                                "(add a citation quote, or an 'exempt' item with a reason)"))
    return problems


def check_knowledge_base(kb: KnowledgeBase, authoring_checks: bool = True) -> list[Problem]:
    """Every cross-reference problem in the knowledge base."""
    problems: list[Problem] = []
    for entry in kb.entries.values():
        problems += check_entry(entry, kb, authoring_checks)
    return problems
