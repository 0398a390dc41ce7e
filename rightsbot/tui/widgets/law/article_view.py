"""One article of one law, with the law's title, version and effective date."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from rightsbot.core.laws import ArticleNumber, Law
from rightsbot.tui.strings import kind_name, tr
from rightsbot.tui.widgets.localised import Localised


class ArticleView(Localised, VerticalScroll):
    """The article text; ← → (or p n) move to the previous or next article."""

    can_focus = True
    DEFAULT_CLASSES = "article-view"
    BINDINGS = [
        Binding("right,n", "screen.next_article", "key.next_article", key_display="n →"),
        Binding("left,p", "screen.prev_article", "key.prev_article", key_display="p ←"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.law: Law | None = None
        """The law shown."""
        self.number: ArticleNumber | None = None
        """The article shown."""
        self.highlight: str = ""
        """Text found with the find box, highlighted in the article."""

    def compose(self) -> ComposeResult:
        yield Static(classes="law-title")
        yield Static(classes="law-meta")
        yield Static(classes="article-heading")
        yield Static(classes="article-text")
        yield Static(classes="article-position")

    def show(self, law: Law, number: ArticleNumber, highlight: str = "") -> None:
        """Show article ``number`` of ``law``."""
        self.law, self.number, self.highlight = law, number, highlight
        self.apply_lang(self.app.lang)  # type: ignore[attr-defined]
        self.scroll_home(animate=False)

    def apply_lang(self, lang: str) -> None:
        law, number = self.law, self.number
        if law is None or number is None:
            self.query_one(".law-title", Static).update(tr("law.none_selected", lang))
            for name in (".law-meta", ".article-heading", ".article-text", ".article-position"):
                self.query_one(name, Static).update("")
            return
        title = law.title if lang == "zh" else f"{law.title_en}\n{law.bracketed_title}"
        self.query_one(".law-title", Static).update(Content.styled(title, "bold"))
        self.query_one(".law-meta", Static).update(
            tr("law.meta", lang, kind=kind_name(law.kind, lang), version=law.version, date=law.effective_date))
        self.query_one(".article-heading", Static).update(
            Content.styled(law.cite(number, lang), "bold"))
        article = law.article(number)
        text = Content(article.text if article else "")
        if self.highlight and article:
            start = article.text.find(self.highlight)
            while start >= 0:
                text = text.stylize("reverse", start, start + len(self.highlight))
                start = article.text.find(self.highlight, start + len(self.highlight))
        self.query_one(".article-text", Static).update(text)
        numbers = law.numbers()
        self.query_one(".article-position", Static).update(
            Content.styled(tr("law.position", lang, index=numbers.index(number) + 1, total=len(numbers)),
                           "italic"))
