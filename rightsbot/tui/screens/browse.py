"""Browse: categories → topics, filtered as you type (typo-tolerant, rapidfuzz)."""

from __future__ import annotations

from rapidfuzz import fuzz, utils
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rightsbot.core.model import Entry, KnowledgeBase
from rightsbot.tui.messages import OpenEntry
from rightsbot.tui.screens.base import AppScreen
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.inputs import PrivateInput
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.localised import Localised

#: Lowest match score (0-100) for a topic to stay in the filtered list.
FILTER_CUTOFF = 60.0
#: Weight of keyword and id matches against title matches.
SECONDARY_WEIGHT = 0.85


def filter_entries(kb: KnowledgeBase, query: str, lang: str) -> list[tuple[Entry, float]]:
    """Entries matching ``query``, best first (typo-tolerant, rapidfuzz ``WRatio``).

    Titles (both languages) count fully; keywords and the id count at
    :data:`SECONDARY_WEIGHT`, so a topic about the query outranks one that merely lists it
    as a keyword. Ties keep the knowledge base's order.
    """
    needle = utils.default_process(query)
    if not needle:
        return [(entry, 100.0) for entry in kb.entries.values()]

    def best(texts: tuple[str, ...]) -> float:
        return max((fuzz.WRatio(needle, utils.default_process(text)) for text in texts if text), default=0.0)

    scored: list[tuple[Entry, float]] = []
    for entry in kb.entries.values():
        words = (fuzz.ratio(needle, word) for word in utils.default_process(entry.title.en).split())
        score = max(best((entry.title.zh, entry.title.en)), max(words, default=0.0),
                    SECONDARY_WEIGHT * best((entry.id, *entry.keywords.zh, *entry.keywords.en)))
        if score >= FILTER_CUTOFF:
            scored.append((entry, score))
    order = {entry_id: i for i, entry_id in enumerate(kb.entries)}
    scored.sort(key=lambda pair: (-pair[1], order[pair[0].id]))
    return scored


class BrowseScreen(Localised, AppScreen):
    """Type to filter; ↓ to the list; Enter opens a topic like an answer."""

    AUTO_FOCUS = "#browse-filter"
    BINDINGS = [
        Binding("down", "to_list", "key.open", show=False),
    ]

    def __init__(self, **_: object) -> None:
        super().__init__(id="browse")

    @property
    def kb(self) -> KnowledgeBase:
        """The app's knowledge base."""
        return self.app.kb  # type: ignore[attr-defined,no-any-return]

    def compose(self) -> ComposeResult:
        yield AppHeader("browse.title")
        yield PrivateInput(id="browse-filter")
        yield Static(id="browse-count")
        yield OptionList(id="topics")
        yield KeyBar()

    def apply_lang(self, lang: str) -> None:
        self.query_one("#browse-filter", PrivateInput).placeholder = tr("browse.placeholder", lang)
        self.refill()

    def refill(self) -> None:
        """Rebuild the list for the current filter text and language."""
        lang = self.app.lang  # type: ignore[attr-defined]
        query = self.query_one("#browse-filter", PrivateInput).value
        topics = self.query_one("#topics", OptionList)
        highlighted = topics.highlighted_option.id if topics.highlighted_option else None
        topics.clear_options()
        options: list[Option] = []
        if query.strip():
            for entry, _score in filter_entries(self.kb, query, lang):
                category = self.kb.categories.get(entry.category)
                prompt = Content.assemble(entry.title.get(lang),
                                          (f"  · {category.name.get(lang)}" if category else "", "dim"))
                options.append(Option(prompt, id=entry.id))
        else:
            for category in self.kb.categories.values():
                entries = self.kb.in_category(category.id)
                if not entries:
                    continue
                options.append(Option(Content.styled(category.name.get(lang), "bold"), disabled=True))
                options += [Option("  " + entry.title.get(lang), id=entry.id) for entry in entries]
        topics.add_options(options)
        count = sum(1 for option in options if option.id)
        label = self.query_one("#browse-count", Static)
        label.update(tr("browse.count", lang, n=count) if count else tr("browse.none", lang))
        ids = [option.id for option in options]
        if highlighted in ids:
            topics.highlighted = ids.index(highlighted)
        else:
            first = next((i for i, option in enumerate(options) if option.id), None)
            topics.highlighted = first

    def on_input_changed(self, event: PrivateInput.Changed) -> None:
        event.stop()
        self.refill()

    def on_input_submitted(self, event: PrivateInput.Submitted) -> None:
        """Enter in the filter opens the best match."""
        event.stop()
        option = self.query_one("#topics", OptionList).highlighted_option
        if option is not None and option.id:
            self.app.post_message(OpenEntry(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.app.post_message(OpenEntry(event.option.id))

    def action_to_list(self) -> None:
        """↓ from the filter moves into the list."""
        self.query_one("#topics", OptionList).focus()
