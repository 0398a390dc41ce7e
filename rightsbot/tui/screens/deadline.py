"""The deadline calculator: pick the procedure, type the date, read the last day and every step.

Rules are on the left (filtered as you type, typo-tolerant); the start date goes in the box
on the right; Enter computes. The result says the last day, who must act, where the
holidays came from (and plainly when a year's schedule is unknown), then each counting step
with the article it follows. Enter on an article opens the law viewer over this screen; Esc
there comes back here. Nothing is kept after the screen is left.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rapidfuzz import fuzz, utils
from rich.console import Group
from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rightsbot.core.errors import ContentError
from rightsbot.core.model import KnowledgeBase, LocalText
from rightsbot.deadlines import DeadlineContent, DeadlineInputError, compute, load_deadline_content, parse_start
from rightsbot.deadlines.model import DeadlineRule
from rightsbot.tui.screens.base import AppScreen
from rightsbot.tui.strings import TEXTS, tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.inputs import PrivateInput
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.localised import Localised
from rightsbot.tui.widgets.tools.deadline import DeadlineView
from rightsbot.tui.widgets.tools.inputs import DateInput
from rightsbot.tui.widgets.tools.memory import drop_departed_watchers

#: Lowest match score (0-100) for a rule to stay in the filtered list.
FILTER_CUTOFF = 60.0
#: The deadline content of each content folder, loaded once (rules, laws, calendar: no answers).
_LOADED: dict[str, DeadlineContent] = {}


def deadline_content(kb: KnowledgeBase) -> DeadlineContent:
    """The rules, statutes and holiday calendar of the knowledge base's content folder."""
    content = _LOADED.get(kb.root)
    if content is None:
        content = _LOADED[kb.root] = load_deadline_content(Path(kb.root))
    return content


def filter_rules(rules: list[DeadlineRule], query: str) -> list[DeadlineRule]:
    """Rules matching ``query`` in either language's name or the id, best first (rapidfuzz)."""
    needle = utils.default_process(query)
    if not needle:
        return list(rules)
    scored: list[tuple[float, int, DeadlineRule]] = []
    for index, rule in enumerate(rules):
        texts = (rule.name.zh, rule.name.en, rule.id, rule.id.replace("-", " ").replace(".", " "))
        score = max(fuzz.WRatio(needle, utils.default_process(text)) for text in texts)
        if needle in (utils.default_process(rule.id), utils.default_process(rule.name.zh),
                      utils.default_process(rule.name.en)):
            score = 101.0  # typed in full: first
        if score >= FILTER_CUTOFF:
            scored.append((score, index, rule))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [rule for _score, _index, rule in scored]


def rule_prompt(rule: DeadlineRule, lang: str) -> Group:
    """The rule's name (wrapped), then its period and id on one line (cut with … when narrow)."""
    return Group(Text(rule.name.get(lang)),
                 Text(f"{rule.period.label(lang)} · {rule.id}", style="dim", no_wrap=True, overflow="ellipsis"))


def _text(key: str) -> LocalText:
    return TEXTS[key]


class DeadlineScreen(Localised, AppScreen):
    """Rules on the left; the start date and the result on the right."""

    AUTO_FOCUS = "#dl-filter"
    BINDINGS = [Binding("down", "to_list", "key.open", show=False)]

    def __init__(self, rule: str | None = None, start: str | dt.date | None = None,
                 today: dt.date | None = None, **_: object) -> None:
        super().__init__(id="deadline")
        self.start_rule = rule
        """Id of the rule to choose at start (from the guide), or None."""
        self.start_date = start.isoformat() if isinstance(start, dt.date) else start
        """Start date to compute from at once, or None."""
        self.today = today or dt.date.today()
        """The day far-future start dates are measured from."""
        self.content: DeadlineContent | None = None
        """Rules, laws and calendar; None when the content could not be loaded."""
        self.rule: DeadlineRule | None = None
        """The rule chosen."""
        self.message: LocalText | None = None
        """The note under the date box (a bad date ...), kept to re-text it on F6."""

    @property
    def kb(self) -> KnowledgeBase:
        """The app's knowledge base."""
        return self.app.kb  # type: ignore[attr-defined,no-any-return]

    def compose(self) -> ComposeResult:
        yield AppHeader("deadline.title")
        with Horizontal(id="dl-body"):
            with Vertical(id="dl-pick"):
                yield PrivateInput(id="dl-filter")
                yield Static(id="dl-count")
                yield OptionList(id="dl-rules")
            with Vertical(id="dl-work"):
                yield Static(id="dl-rule")
                yield DateInput(id="dl-date")
                yield Static(id="dl-message")
                yield DeadlineView(id="dl-result")
        yield KeyBar()

    def on_mount(self) -> None:
        try:
            self.content = deadline_content(self.kb)
        except ContentError:
            self.say(_text("tools.unavailable"))
            return
        if self.start_rule in self.content.rules:
            self.rule = self.content.rules[self.start_rule]
            self.show_rule()
            if self.start_date:
                self.query_one("#dl-date", DateInput).value = self.start_date
                self.calculate()
            self.query_one("#dl-date").focus()

    def on_unmount(self) -> None:
        self.rule = None
        self.message = None
        drop_departed_watchers(self.app, self)

    def apply_lang(self, lang: str) -> None:
        self.query_one("#dl-filter", PrivateInput).placeholder = tr("deadline.filter_placeholder", lang)
        self.query_one("#dl-date", DateInput).placeholder = tr("deadline.date_placeholder", lang)
        self.refill()
        self.show_rule()
        self.say(self.message)

    # ------------------------------------------------------------------ showing
    @property
    def current_lang(self) -> str:
        """The app's language."""
        return self.app.lang  # type: ignore[attr-defined,no-any-return]

    def refill(self, keep_highlight: bool = True) -> None:
        """Rebuild the rule list for the filter text and language; the best match is highlighted
        after typing, the same rule as before after a language toggle."""
        if self.content is None:
            return
        lang = self.current_lang
        rules = self.query_one("#dl-rules", OptionList)
        keep = rules.highlighted_option.id if rules.highlighted_option else (self.rule.id if self.rule else None)
        if not keep_highlight:
            keep = None
        found = filter_rules(list(self.content.rules.values()), self.query_one("#dl-filter", PrivateInput).value)
        rules.clear_options()
        rules.add_options([Option(rule_prompt(rule, lang), id=rule.id) for rule in found])
        count = self.query_one("#dl-count", Static)
        count.update(tr("deadline.count", lang, n=len(found)) if found else tr("deadline.none", lang))
        ids = [rule.id for rule in found]
        rules.highlighted = ids.index(keep) if keep in ids else (0 if ids else None)

    def show_rule(self) -> None:
        """The chosen rule, and what its start date is, above the date box."""
        lang, rule = self.current_lang, self.rule
        label = self.query_one("#dl-rule", Static)
        if rule is None:
            label.update(Content.styled(tr("deadline.pick", lang), "italic"))
            return
        label.update(Content.assemble((rule.name.get(lang), "bold"), "\n",
                                      tr("deadline.start", lang, start=rule.start.get(lang))))

    def say(self, message: LocalText | None) -> None:
        """A note under the date box, in the current language (None clears it)."""
        self.message = message
        self.query_one("#dl-message", Static).update(message.get(self.current_lang) if message else "")
        self.query_one("#dl-message").set_class(message is not None, "-visible")

    # ------------------------------------------------------------------ doing
    def choose(self, rule_id: str) -> None:
        """Choose a rule; compute at once when a date is already typed; then the date box."""
        if self.content is None or rule_id not in self.content.rules:
            return
        self.rule = self.content.rules[rule_id]
        self.show_rule()
        date = self.query_one("#dl-date", DateInput)
        if date.value.strip():
            self.calculate()
        date.focus()

    def calculate(self) -> None:
        """Compute the chosen rule from the typed date; a bad date gets a plain message."""
        view = self.query_one(DeadlineView)
        if self.content is None:
            return
        if self.rule is None:
            self.say(_text("deadline.pick"))
            return
        typed = self.query_one("#dl-date", DateInput).date_text
        if not typed:
            self.say(_text("deadline.no_date"))
            view.clear()
            return
        try:
            start = parse_start(typed, self.today)
        except DeadlineInputError as error:
            self.say(error.message)
            view.clear()
            return
        self.say(None)
        view.show(compute(self.rule, start, self.content.calendar), self.content.laws)

    # ------------------------------------------------------------------ events and actions
    def on_input_changed(self, event: PrivateInput.Changed) -> None:
        event.stop()
        if event.input.id == "dl-filter":
            self.refill(keep_highlight=False)

    def on_input_submitted(self, event: PrivateInput.Submitted) -> None:
        event.stop()
        if event.input.id == "dl-filter":
            option = self.query_one("#dl-rules", OptionList).highlighted_option
            if option is not None and option.id:
                self.choose(option.id)
        elif event.input.id == "dl-date":
            self.calculate()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.choose(event.option.id)

    def action_to_list(self) -> None:
        """↓ from the filter moves into the list."""
        if self.focused is not self.query_one("#dl-filter"):
            raise SkipAction()
        self.query_one("#dl-rules", OptionList).focus()
