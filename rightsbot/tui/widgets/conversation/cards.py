"""What the conversation shows: the question line, answer cards, the no-entry card."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from rich.console import Group
from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from textual.widgets import Static

from rightsbot.core.model import Entry, KnowledgeBase
from rightsbot.core.render import unique_citations
from rightsbot.core.strings import t
from rightsbot.search import SearchResult
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.conversation.links import CitationLink, TopicLink
from rightsbot.tui.widgets.localised import Localised


class Label(Localised, Static):
    """A static text looked up by string key (headings, notes)."""

    def __init__(self, key: str, *, bold: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.key = key
        """String key of the text."""
        self.bold = bold
        """Whether to show it in bold."""

    def apply_lang(self, lang: str) -> None:
        text = tr(self.key, lang)
        self.update(Content.styled(text, "bold") if self.bold else Content(text))


class QuestionLine(Localised, Static):
    """The question as typed (or the topic opened), above its answer."""

    DEFAULT_CLASSES = "question-line"

    def __init__(self, question: str | None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.question = question
        """What the person typed; None when a topic was opened from a list or link."""

    def apply_lang(self, lang: str) -> None:
        if self.question is None:
            self.update(Content.styled(tr("main.opened", lang), "italic"))
        else:
            self.update(Content.assemble((tr("main.you_asked", lang) + "：" if lang == "zh"
                                          else tr("main.you_asked", lang) + ": ", "bold"), self.question))


class AnswerCard(Localised, Vertical):
    """One entry as an answer: title, summary first, steps, the law, hotlines, related topics."""

    DEFAULT_CLASSES = "answer-card"

    def __init__(self, entry: Entry, kb: KnowledgeBase, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entry = entry
        """The entry shown."""
        self.kb = kb
        """The knowledge base (law titles, hotlines, related titles)."""
        self.title_text = ""
        """The title as shown (in the current language)."""
        self.summary_text = ""
        """The summary as shown."""
        self.body_source = ""
        """The Markdown of the steps as shown."""

    def compose(self) -> ComposeResult:
        entry, kb = self.entry, self.kb
        yield Static(classes="card-text")
        yield Label("heading.citations", bold=True, classes="card-heading")
        for citation in unique_citations(entry):
            yield CitationLink(citation, kb)
        if entry.hotlines:
            yield Static(classes="card-hotlines")
        if entry.related:
            yield Label("heading.related", bold=True, classes="card-heading")
            for related in entry.related:
                if related in kb.entries:
                    yield TopicLink(related, kb)
        yield Static(classes="card-note")

    def apply_lang(self, lang: str) -> None:
        """Title, summary and steps render as one block (one widget is much faster to lay out)."""
        entry = self.entry
        self.title_text = entry.title.get(lang)
        self.summary_text = entry.summary.get(lang)
        self.body_source = entry.answer.get(lang)
        self.query_one(".card-text", Static).update(Group(
            Text(self.title_text, style="bold underline"), Text(""),
            Text(t("heading.summary", lang), style="bold"), Text(self.summary_text), Text(""),
            Text(t("heading.answer", lang), style="bold"), answer_markdown(self.body_source)))
        if entry.hotlines:
            self.query_one(".card-hotlines", Static).update(Content.assemble(
                (t("heading.hotlines", lang), "bold"), "\n", hotline_lines(entry.hotlines, self.kb, lang)))
        self.query_one(".card-note", Static).update(Content.assemble(
            (f"{t('heading.reviewed', lang)}: {entry.last_reviewed.isoformat()}", "italic"), "\n",
            (t("disclaimer", lang), "italic")))


def answer_markdown(source: str) -> RichMarkdown:
    """The steps of an answer, rendered as one block.

    Rich's Markdown renderable in a single ``Static`` rather than Textual's ``Markdown``
    widget: the widget mounts a few hundred child widgets for a long answer, which takes
    0.4-0.8 s to lay out; one block renders in a few milliseconds (see
    ``benchmarks/RESULTS.md``). ``hyperlinks=False``: a link is shown as text with its
    address and can never be opened (the help screen, which does use the ``Markdown``
    widget, passes ``open_links=False``).
    """
    return RichMarkdown(source, hyperlinks=False)


def hotline_lines(numbers: tuple[str, ...], kb: KnowledgeBase, lang: str) -> Content:
    """``12333  人力资源和社会保障服务热线`` per line, numbers in bold."""
    parts: list[tuple[str, str] | str] = []
    for index, number in enumerate(numbers):
        hotline = kb.hotlines.get(number)
        if index:
            parts.append("\n")
        parts += [(number, "bold"), "  " + (hotline.name.get(lang) if hotline else "")]
    return Content.assemble(*parts)


class NoEntryCard(Localised, Vertical):
    """The search abstained: say so plainly, offer the closest topics and 12348."""

    DEFAULT_CLASSES = "no-entry-card"

    def __init__(self, result: SearchResult, kb: KnowledgeBase, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.result = result
        """The abstaining search result (its hits are the closest topics)."""
        self.kb = kb
        """Where topic titles come from."""

    def compose(self) -> ComposeResult:
        yield Label("no_entry", bold=True, classes="card-title")
        hits = [hit.entry_id for hit in self.result.hits[:3] if hit.entry_id in self.kb.entries]
        if hits:
            yield Label("abstain.closest", classes="card-heading")
            for entry_id in hits:
                yield TopicLink(entry_id, self.kb)
            yield Label("abstain.rephrase")
        else:
            yield Label("abstain.none")
        yield Label("call_12348", bold=True, classes="card-call")

    def apply_lang(self, lang: str) -> None:
        """Every text here is a :class:`Label` or link, which re-text themselves."""
