"""What the conversation shows: the question line, answer cards, the no-entry card.

An exchange must be on screen within 100 ms of Enter, however long the conversation is,
and Textual's cost is per widget (mounting, styling, layout): so an answer card is three
widgets, built with their text already in place (no second layout to fill them in), and
every link of a card (citations, related topics) is a row of one keyboard-selectable
:class:`~rightsbot.tui.widgets.conversation.links.LinkList`. Older cards are *folded*
(:meth:`AnswerCard.fold`) into a single text block: still readable, no longer focusable.
See ``benchmarks/RESULTS.md``.

These widgets do not watch the language themselves (one watcher per widget would be
hundreds in a long conversation); the main screen re-texts the conversation on a toggle
by calling :meth:`apply_lang` on each exchange.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.console import Group, RenderableType
from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from rightsbot.core.model import Entry, KnowledgeBase
from rightsbot.core.render import citation_label, unique_citations
from rightsbot.core.strings import t
from rightsbot.search import SearchResult
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.conversation.links import ArticleTarget, EntryTarget, LinkList, LinkRow, Target
from rightsbot.tui.widgets.localised import Localised

#: Style of a heading inside a card (theme variable: follows light and dark themes).
HEADING_STYLE = "bold $text-primary"


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


class CardText(Static):
    """A block of card text that remembers its height at a width.

    Textual lays a new widget out twice (the second time because its size went from
    nothing to something) and each time measures a Rich renderable by rendering it; for a
    long Markdown answer that is a few milliseconds per pass. The height only changes
    with the text or the width, so it is measured once per (text, width).
    """

    def __init__(self, content: object = "", **kwargs: object) -> None:
        super().__init__(content, **kwargs)  # type: ignore[arg-type]
        self._heights: dict[int, int] = {}

    def update(self, content: object = "", *, layout: bool = True) -> None:
        self._heights = {}
        super().update(content, layout=layout)  # type: ignore[arg-type]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().get_content_height(container, viewport, width)
        return height


def app_lang(widget: Widget) -> str:
    """The running app's language (``zh`` outside an app)."""
    try:
        return str(getattr(widget.app, "lang", "zh"))
    except Exception:  # noqa: BLE001 - no active app
        return "zh"


class QuestionLine(Static):
    """The question as typed (or the topic opened), above its answer."""

    DEFAULT_CLASSES = "question-line"

    def __init__(self, question: str | None, lang: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.question = question
        """What the person typed; None when a topic was opened from a list or link."""
        self.lang = lang or app_lang(self)
        """The language the line is shown in."""
        self.update(question_content(question, self.lang), layout=False)

    def apply_lang(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.update(question_content(self.question, lang))


def question_content(question: str | None, lang: str) -> Content:
    """``您的问题：…`` (the typed text is never parsed as markup), or ``打开的主题``."""
    if question is None:
        return Content.styled(tr("main.opened", lang), "italic")
    label = tr("main.you_asked", lang) + ("：" if lang == "zh" else ": ")
    return Content.assemble((label, "bold"), question)


class AnswerCard(Vertical):
    """One entry as an answer: title, summary first, steps, the law, hotlines, related topics.

    Three widgets: the text (title, summary, steps), the links (citations, hotlines and
    related topics: one selectable list) and the note (last reviewed, disclaimer). Folded
    (an older answer), one: the same text, with the links as plain lines.
    """

    DEFAULT_CLASSES = "answer-card"

    def __init__(self, entry: Entry, kb: KnowledgeBase, lang: str | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entry = entry
        """The entry shown."""
        self.kb = kb
        """The knowledge base (law titles, hotlines, related titles)."""
        self.lang = lang or app_lang(self)
        """The language the card is shown in."""
        self.folded = False
        """Whether the card was folded into one block of text (an older answer)."""
        self.title_text = ""
        """The title as shown (in the current language)."""
        self.summary_text = ""
        """The summary as shown."""
        self.body_source = ""
        """The Markdown of the steps as shown."""
        self._set_texts(self.lang)

    def _set_texts(self, lang: str) -> None:
        entry = self.entry
        self.title_text = entry.title.get(lang)
        self.summary_text = entry.summary.get(lang)
        self.body_source = entry.answer.get(lang)

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield CardText(self._text(lang), classes="card-text")
        yield LinkList([row.link_row() for row in answer_rows(self.entry, self.kb, lang)], classes="card-links")
        yield Static(card_note(self.entry, lang), classes="card-note")

    def _text(self, lang: str) -> RenderableType:
        """Title, summary and steps as one block (one widget is much faster to lay out)."""
        return Group(
            Text(self.title_text, style="bold underline"), Text(""),
            Text(t("heading.summary", lang), style="bold"), Text(self.summary_text), Text(""),
            Text(t("heading.answer", lang), style="bold"), answer_markdown(self.body_source))

    def _folded_text(self, lang: str) -> RenderableType:
        """The whole card as one block: the text, the links as plain lines, the note."""
        rows = [row.folded_text() for row in answer_rows(self.entry, self.kb, lang)]
        note = Text.assemble((f"{t('heading.reviewed', lang)}: {self.entry.last_reviewed.isoformat()}", "italic"),
                             "\n", (t("disclaimer", lang), "italic"))
        return Group(self._text(lang), Text(""), *rows, Text(""), note)

    async def fold(self) -> None:
        """Fold this (older) card into one block of text: still readable, no longer selectable.

        Keeps a long conversation light: one widget instead of three, and fresh, so what
        Textual drew of the old ones (and cached) goes with them.
        """
        if self.folded or not self.is_attached:
            return
        self.folded = True
        self.add_class("-folded")
        await replace_children(self, CardText(self._folded_text(self.lang), classes="card-text"))

    def apply_lang(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        self._set_texts(lang)
        if not self.is_attached:
            return
        if self.folded:
            self.query_one(CardText).update(self._folded_text(lang))
            return
        self.query_one(CardText).update(self._text(lang))
        self.query_one(LinkList).set_rows([row.link_row() for row in answer_rows(self.entry, self.kb, lang)])
        self.query_one(".card-note", Static).update(card_note(self.entry, lang))


async def replace_children(parent: Widget, *children: Widget) -> None:
    """Put ``children`` in place of ``parent``'s, forgetting what was drawn of the old ones.

    (Textual keeps each widget's drawn lines referenced after removal; ``refresh`` empties
    them. See :meth:`~rightsbot.tui.widgets.conversation.log.ConversationLog.forget`.)
    """
    old = list(parent.children)
    for child in old:
        for widget in child.walk_children(with_self=True):
            widget.refresh()
    with parent.app.batch_update():
        await parent.remove_children(old)
        await parent.mount_all(children)
    parent.displayed_children  # noqa: B018 - drops Textual's cached list of the old children


#: How a card row's parts look: in the link list (Textual styles, theme colours) and
#: folded into plain text (Rich styles, no colours: folded rows are not links any more).
ROLE_STYLES = {"": ("", ""), "heading": (HEADING_STYLE, "bold"), "strong": ("bold", "bold"),
               "marker": ("bold", "bold"), "link": ("underline", "")}


@dataclass(frozen=True)
class CardRow:
    """One row under a card's text: a heading, a link, or a line of text (a hotline)."""

    parts: tuple[tuple[str, str], ...]
    """``(text, role)`` pairs; roles are the keys of :data:`ROLE_STYLES`."""
    target: Target | None = None
    """Where the row leads, when it is a link."""

    def link_row(self) -> LinkRow:
        """The row in a :class:`LinkList`."""
        return LinkRow(Content.assemble(*((text, ROLE_STYLES[role][0]) for text, role in self.parts)),
                       self.target)

    def folded_text(self) -> Text:
        """The row as plain text in a folded card (a link's ``▸`` becomes a bullet)."""
        return Text.assemble(*(("• " if role == "marker" else text, ROLE_STYLES[role][1])
                               for text, role in self.parts))


def link_row(text: str, target: Target) -> CardRow:
    """`` ▸ text``: the look of a link inside the app."""
    return CardRow(((" ", ""), ("▸ ", "marker"), (text, "link")), target)


def answer_rows(entry: Entry, kb: KnowledgeBase, lang: str) -> list[CardRow]:
    """The rows under a card's text: 法律依据 and its citations, hotlines, 相关主题 and its topics."""
    rows = [CardRow(((t("heading.citations", lang), "heading"),))]
    rows += [link_row(citation_label(c, kb, lang), ArticleTarget(c.law, c.article)) for c in unique_citations(entry)]
    if entry.hotlines:
        rows.append(CardRow((("\n", ""), (t("heading.hotlines", lang), "strong"))))
        for number in entry.hotlines:
            hotline = kb.hotlines.get(number)
            rows.append(CardRow(((number, "strong"), ("  " + (hotline.name.get(lang) if hotline else ""), ""))))
    related = [r for r in entry.related if r in kb.entries]
    if related:
        rows.append(CardRow((("\n", ""), (t("heading.related", lang), "heading"))))
        rows += [link_row(kb.entries[r].title.get(lang), EntryTarget(r)) for r in related]
    return rows


def card_note(entry: Entry, lang: str) -> Content:
    """Last reviewed, and the disclaimer."""
    return Content.assemble((f"{t('heading.reviewed', lang)}: {entry.last_reviewed.isoformat()}", "italic"), "\n",
                            (t("disclaimer", lang), "italic"))


@lru_cache(maxsize=64)
def answer_markdown(source: str) -> RichMarkdown:
    """The steps of an answer, rendered as one block.

    Rich's Markdown renderable in a single ``Static`` rather than Textual's ``Markdown``
    widget: the widget mounts a few hundred child widgets for a long answer, which takes
    0.4-0.8 s to lay out; one block renders in a few milliseconds (see
    ``benchmarks/RESULTS.md``). ``hyperlinks=False``: a link is shown as text with its
    address and can never be opened (the help screen, which does use the ``Markdown``
    widget, passes ``open_links=False``).

    Parsed once per text (the knowledge base's, never the person's): a topic asked about
    again, or a card being folded, reuses the parsed block (rendering does not change it).
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


class NoEntryCard(Vertical):
    """The search abstained: say so plainly, offer the closest topics and 12348."""

    DEFAULT_CLASSES = "no-entry-card"

    def __init__(self, result: SearchResult, kb: KnowledgeBase, lang: str | None = None,
                 **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.result = result
        """The abstaining search result (its hits are the closest topics)."""
        self.kb = kb
        """Where topic titles come from."""
        self.lang = lang or app_lang(self)
        """The language the card is shown in."""
        self.folded = False
        """Whether the card was folded into one text block (an older answer)."""
        self.closest = [hit.entry_id for hit in result.hits[:3] if hit.entry_id in kb.entries]
        """The closest topics offered (entry ids), best first."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield CardText(self._head(lang), classes="card-text")
        if self.closest:
            yield LinkList([row.link_row() for row in self._rows(lang)], classes="card-links")
        yield Static(self._tail(lang), classes="card-tail")

    def _head(self, lang: str) -> Content:
        head = Content.styled(tr("no_entry", lang), "bold underline")
        if self.closest:
            head = Content.assemble(head, "\n\n", (tr("abstain.closest", lang), "$text-primary"))
        return head

    def _rows(self, lang: str) -> list[CardRow]:
        return [link_row(self.kb.entries[e].title.get(lang), EntryTarget(e)) for e in self.closest]

    def _tail(self, lang: str) -> Content:
        return Content.assemble(tr("abstain.rephrase" if self.closest else "abstain.none", lang), "\n\n",
                                (tr("call_12348", lang), "bold"))

    async def fold(self) -> None:
        """Fold this (older) card into one block of text: still readable, no longer selectable."""
        if self.folded or not self.is_attached:
            return
        self.folded = True
        self.add_class("-folded")
        await replace_children(self, CardText(self._folded_text(self.lang), classes="card-text"))

    def _folded_text(self, lang: str) -> Content:
        parts: list[Content | str] = [self._head(lang)]
        for row in self._rows(lang):
            parts += ["\n", Content.assemble(*((text, ROLE_STYLES[role][1]) for text, role in row.parts))]
        parts += ["\n", self._tail(lang)]
        return Content.assemble(*parts)

    def apply_lang(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        if not self.is_attached:
            return
        if self.folded:
            self.query_one(CardText).update(self._folded_text(lang))
            return
        self.query_one(CardText).update(self._head(lang))
        if self.closest:
            self.query_one(LinkList).set_rows([row.link_row() for row in self._rows(lang)])
        self.query_one(".card-tail", Static).update(self._tail(lang))
