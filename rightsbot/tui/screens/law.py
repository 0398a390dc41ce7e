"""The law viewer: pick a law, jump to an article by number, find text, next/previous."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rightsbot.core.laws import ArticleNumber, Law
from rightsbot.core.model import KnowledgeBase
from rightsbot.tui.screens.base import AppScreen
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.inputs import PrivateInput
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.law.article_view import ArticleView
from rightsbot.tui.widgets.localised import Localised


class LawScreen(Localised, AppScreen):
    """Laws on the left, the article on the right; g jumps, / finds, n/p move."""

    HOME_FOCUS = "#article"
    BINDINGS = [
        Binding("g", "goto", "key.goto", key_display="g"),
        Binding("slash,ctrl+f", "find", "key.find", key_display="/"),
        Binding("l", "pick_law", "key.pick_law", key_display="l"),
        Binding("n", "next_article", "key.next_article", show=False),
        Binding("p", "prev_article", "key.prev_article", show=False),
    ]

    def __init__(self, law: str | None = None, article: ArticleNumber | None = None, **_: object) -> None:
        super().__init__(id="law")
        self.start_law = law
        """Slug of the law to open at start (from a citation), or None."""
        self.start_article = article
        """Article to open at start, or None for the first."""
        self.law: Law | None = None
        """The law shown."""
        self.number: ArticleNumber | None = None
        """The article shown."""

    @property
    def kb(self) -> KnowledgeBase:
        """The app's knowledge base."""
        return self.app.kb  # type: ignore[attr-defined,no-any-return]

    def compose(self) -> ComposeResult:
        yield AppHeader("law.title")
        with Horizontal(id="law-body"):
            with Vertical(id="law-pick"):
                yield Static(id="law-pick-title", classes="pane-title")
                yield OptionList(id="laws")
            with Vertical(id="law-read"):
                with Horizontal(id="law-boxes"):
                    yield PrivateInput(id="goto", classes="law-box")
                    yield PrivateInput(id="find", classes="law-box")
                yield Static(id="law-status")
                yield OptionList(id="matches")
                yield ArticleView(id="article")
        yield KeyBar()

    def on_mount(self) -> None:
        slug = self.start_law if self.start_law in self.kb.laws else None
        if slug is not None:
            self.open(slug, self.start_article)
            self.query_one("#article").focus()
        else:
            self.query_one("#laws").focus()

    def apply_lang(self, lang: str) -> None:
        self.query_one("#law-pick-title", Static).update(Content.styled(tr("law.pick", lang), "bold"))
        self.query_one("#goto", PrivateInput).placeholder = tr("law.goto_placeholder", lang)
        self.query_one("#find", PrivateInput).placeholder = tr("law.find_placeholder", lang)
        laws = self.query_one("#laws", OptionList)
        highlighted = laws.highlighted
        laws.clear_options()
        laws.add_options([Option(law.title if lang == "zh" else law.title_en, id=law.slug)
                          for law in self.kb.laws.values()])
        if self.law is not None:
            laws.highlighted = list(self.kb.laws).index(self.law.slug)
        else:
            laws.highlighted = highlighted if highlighted is not None else 0
        matches = self.query_one("#matches", OptionList)
        if matches.option_count:
            self._find(self.query_one("#find", PrivateInput).value)

    # ------------------------------------------------------------------ showing
    def open(self, slug: str, number: ArticleNumber | None = None, highlight: str = "") -> None:
        """Show ``number`` of law ``slug`` (its first article when None or missing)."""
        law = self.kb.laws[slug]
        if law is not self.law:
            self.query_one("#matches", OptionList).clear_options()
            self.query_one("#matches").remove_class("-visible")
        self.law = law
        numbers = law.numbers()
        lang = self.app.lang  # type: ignore[attr-defined]
        if number is not None and law.article(number) is None:
            self.status(tr("law.no_article", lang, article=number.chinese, article_en=number.english))
            number = None
        self.number = number if number is not None else (numbers[0] if numbers else None)
        if self.number is not None:
            self.query_one(ArticleView).show(law, self.number, highlight)
        laws = self.query_one("#laws", OptionList)
        laws.highlighted = list(self.kb.laws).index(slug)

    def status(self, text: str) -> None:
        """A one-line note above the article (not found, no match ...)."""
        self.query_one("#law-status", Static).update(text)

    # ------------------------------------------------------------------ actions
    def _step(self, step: int) -> None:
        lang = self.app.lang  # type: ignore[attr-defined]
        if self.law is None or self.number is None:
            self.status(tr("law.none_selected", lang))
            return
        target = self.law.neighbour(self.number, step)
        if target is None:
            self.status(tr("law.last" if step > 0 else "law.first", lang))
            return
        self.status("")
        self.open(self.law.slug, target)

    def action_next_article(self) -> None:
        """The next article."""
        self._step(1)

    def action_prev_article(self) -> None:
        """The previous article."""
        self._step(-1)

    def action_goto(self) -> None:
        """Focus the article-number box."""
        self.query_one("#goto").focus()

    def action_find(self) -> None:
        """Focus the find box."""
        self.query_one("#find").focus()

    def action_pick_law(self) -> None:
        """Focus the list of laws."""
        self.query_one("#laws").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "laws" and event.option.id:
            self.status("")
            self.open(event.option.id)
            self.query_one("#article").focus()
        elif event.option_list.id == "matches" and event.option.id and self.law is not None:
            needle = self.query_one("#find", PrivateInput).value.strip()
            self.open(self.law.slug, ArticleNumber.parse(event.option.id), highlight=needle)

    def on_input_submitted(self, event: PrivateInput.Submitted) -> None:
        event.stop()
        lang = self.app.lang  # type: ignore[attr-defined]
        if self.law is None:
            self.status(tr("law.none_selected", lang))
            return
        if event.input.id == "goto":
            try:
                number = ArticleNumber.parse(event.value)
            except ValueError:
                self.status(tr("error.bad_article", lang, value=event.value.strip()))
                return
            if self.law.article(number) is None:
                self.status(tr("law.no_article", lang, article=number.chinese, article_en=number.english))
                return
            self.status("")
            self.open(self.law.slug, number)
            event.input.clear()
            self.query_one("#article").focus()
        elif event.input.id == "find":
            if self._find(event.value):
                self.query_one("#matches").focus()

    def _find(self, needle: str) -> bool:
        """List the articles that contain ``needle``; True when there is at least one."""
        lang = self.app.lang  # type: ignore[attr-defined]
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        needle = needle.strip()
        if self.law is None or not needle:
            matches.remove_class("-visible")
            return False
        found = self.law.find(needle)
        if not found:
            matches.remove_class("-visible")
            self.status(tr("law.no_match", lang, needle=needle))
            return False
        self.status(tr("law.matches", lang, needle=needle, n=len(found)))
        options = []
        for number in found:
            article = self.law.article(number)
            text = article.text.replace("\n", " ") if article else ""
            at = max(0, text.find(needle) - 8)
            label = number.chinese if lang == "zh" else number.english
            options.append(Option(Content.assemble((label, "bold"), "  " + text[at:at + 60]), id=number.key))
        matches.add_options(options)
        matches.add_class("-visible")
        matches.highlighted = 0
        return True
