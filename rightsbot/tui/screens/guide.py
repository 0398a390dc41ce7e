"""The guided triage (navigator): one question at a time, then the routes open to the person.

Questions are a list to choose from (↑ ↓ or a digit, Enter), a list to tick (Space, then
Enter) or a date box (Enter); Backspace goes back one question. Once the person says
someone is in danger, the safety block stays above every later question and leads the
result. The result lists the routes open in the recommended order (where, the deadline
computed from their date, cost, what to bring, the entry to read), the routes closed and
why, and how the routes affect each other.

Every answer lives only in this screen instance (in the navigator's ``State``); leaving
the screen (Esc, another screen, opening an entry, quick exit) drops it, and the app's
watchers of the screen's widgets are dropped with it, so nothing answered stays reachable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from rightsbot.core.errors import ContentError, UserInputError
from rightsbot.core.model import KnowledgeBase, LocalText
from rightsbot.navigator import AnswerError, Ask, Navigator, Result, load_navigator
from rightsbot.navigator.model import AnswerValue
from rightsbot.navigator.strings import STRINGS as NAV_STRINGS
from rightsbot.navigator.strings import t as nav_t
from rightsbot.tui.screens.base import AppScreen
from rightsbot.tui.strings import tr
from rightsbot.tui.widgets.chrome.header import AppHeader
from rightsbot.tui.widgets.chrome.keybar import KeyBar
from rightsbot.tui.widgets.localised import Localised
from rightsbot.tui.widgets.tools.guide import EmergencyBlock, GuideResultView
from rightsbot.tui.widgets.tools.inputs import ChoiceList, DateInput, MultiList
from rightsbot.tui.widgets.tools.memory import drop_departed_watchers

#: The navigator of each content folder (the flow and its content; it holds no answers).
_LOADED: dict[str, Navigator] = {}


def navigator(kb: KnowledgeBase, today: dt.date) -> Navigator:
    """The triage interview over ``kb``'s content folder, comparing deadlines with ``today``."""
    nav = _LOADED.get(kb.root)
    if nav is None or nav.kb is not kb:
        nav = _LOADED[kb.root] = load_navigator(Path(kb.root), kb=kb, today=today)
    return Navigator(nav.flow, nav.kb, nav.deadlines, today)


class GuideScreen(Localised, AppScreen):
    """One question at a time, then the result; Backspace goes back, Esc leaves and forgets."""

    BINDINGS = [Binding("backspace", "previous", "key.previous", key_display="⌫")]

    def __init__(self, today: dt.date | None = None, **_: object) -> None:
        super().__init__(id="guide")
        self.today = today or dt.date.today()
        """The day deadlines are compared with."""
        self.nav: Navigator | None = None
        """The interview (None when the content could not be loaded)."""
        self.step: Ask | Result | None = None
        """Where the interview stands: the question asked, or the result. Memory only."""
        self.revisit: AnswerValue | None = None
        """After going back: the answer just taken back, to pre-select it."""
        self.error: LocalText | None = None
        """Why the last answer could not be used, shown under the question."""

    @property
    def kb(self) -> KnowledgeBase:
        """The app's knowledge base."""
        return self.app.kb  # type: ignore[attr-defined,no-any-return]

    @property
    def current_lang(self) -> str:
        """The app's language."""
        return self.app.lang  # type: ignore[attr-defined,no-any-return]

    def compose(self) -> ComposeResult:
        yield AppHeader("guide.title")
        yield EmergencyBlock(id="guide-emergency")
        with Vertical(id="guide-ask"):
            yield Static(id="guide-intro")
            yield Static(id="guide-progress")
            yield Static(id="guide-question")
            yield Static(id="guide-help")
            yield Static(id="guide-error")
            yield ChoiceList(id="guide-choices")
            yield MultiList(id="guide-multi")
            yield DateInput(id="guide-date", back_when_empty=True)
        yield GuideResultView(self.show_steps, id="guide-result")
        yield Static(id="guide-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(EmergencyBlock).display = False
        try:
            self.nav = navigator(self.kb, self.today)
        except (ContentError, UserInputError):
            self.query_one("#guide-ask").display = False
            self.query_one(GuideResultView).display = False
            return
        self.show(self.nav.start())

    def on_unmount(self) -> None:
        self.forget()
        drop_departed_watchers(self.app, self)

    def forget(self) -> None:
        """Drop every answer this screen holds."""
        self.step = None
        self.revisit = None
        self.error = None
        self.nav = None

    # ------------------------------------------------------------------ showing
    def show(self, step: Ask | Result) -> None:
        """Show a question (with its input focused) or the result."""
        self.step = step
        self.error = None
        asking = isinstance(step, Ask)
        self.query_one("#guide-ask").display = asking
        result_view = self.query_one(GuideResultView)
        result_view.display = not asking
        if isinstance(step, Result):
            self.query_one(EmergencyBlock).show(None)  # the result leads with its own
            result_view.show(step)
            result_view.focus()
        else:
            result_view.clear()
            self.query_one(EmergencyBlock).show(step.emergency)
            self.fill(step)
        self.apply_lang(self.current_lang)

    def fill(self, ask: Ask) -> None:
        """Put the question's input in place: options, ticks or the date, pre-set after going back."""
        kind = ask.question.kind
        choices, multi = self.query_one(ChoiceList), self.query_one(MultiList)
        date = self.query_one(DateInput)
        choices.display, multi.display, date.display = kind == "choice", kind == "multi", kind == "date"
        choices.clear_options()
        multi.clear_options()
        date.value = ""
        lang = self.current_lang
        if kind == "choice":
            choices.add_options([Option(f"{n}. {o.label.get(lang)}", id=o.id) for n, o in enumerate(ask.options, 1)])
            ids = [o.id for o in ask.options]
            choices.highlighted = ids.index(self.revisit) if self.revisit in ids else 0
            choices.focus()
        elif kind == "multi":
            ticked = self.revisit if isinstance(self.revisit, tuple) else ()
            multi.add_options([Selection(f"{n}. {o.label.get(lang)}", o.id, o.id in ticked)
                               for n, o in enumerate(ask.options, 1)])
            multi.highlighted = 0
            multi.focus()
        else:
            date.value = self.revisit.isoformat() if isinstance(self.revisit, dt.date) else ""
            date.cursor_position = len(date.value)
            date.focus()
        self.revisit = None

    def apply_lang(self, lang: str) -> None:
        step = self.step
        hint = self.query_one("#guide-hint", Static)
        if self.nav is None:
            hint.update(tr("tools.unavailable", lang))
            return
        if step is None:
            return
        if isinstance(step, Result):
            hint.update(tr("guide.hint.result", lang))
            return
        question = step.question
        intro = self.query_one("#guide-intro", Static)
        intro.display = step.number == 1
        if self.nav is not None:
            intro.update(Content.assemble((self.nav.flow.title.get(lang), "bold"), "\n", self.nav.flow.intro.get(lang)))
        self.query_one("#guide-progress", Static).update(Content.styled(nav_t("ask.number", lang, n=step.number),
                                                                        "dim"))
        self.query_one("#guide-question", Static).update(Content.styled(question.text.get(lang), "bold"))
        help_text = self.query_one("#guide-help", Static)
        help_text.display = question.help is not None
        help_text.update(question.help.get(lang) if question.help is not None else "")
        self.query_one(DateInput).placeholder = tr("guide.date_placeholder", lang)
        self._relabel(step, lang)
        error = self.query_one("#guide-error", Static)
        error.display = self.error is not None
        error.update(self.error.get(lang) if self.error is not None else "")
        hint.update(tr(f"guide.hint.{question.kind}", lang))

    def _relabel(self, ask: Ask, lang: str) -> None:
        """The options in ``lang``, keeping the highlight and the ticks."""
        if ask.question.kind == "choice":
            choices = self.query_one(ChoiceList)
            for n, option in enumerate(ask.options, 1):
                choices.replace_option_prompt(option.id, f"{n}. {option.label.get(lang)}")
        elif ask.question.kind == "multi":
            multi = self.query_one(MultiList)
            for n, option in enumerate(ask.options, 1):
                multi.replace_option_prompt_at_index(n - 1, f"{n}. {option.label.get(lang)}")

    # ------------------------------------------------------------------ answering
    def answer(self, value: object) -> None:
        """Give ``value`` to the current question; the next step, or the reason it is not usable."""
        if self.nav is None or not isinstance(self.step, Ask):
            return
        try:
            step = self.nav.answer(self.step.state, value)
        except AnswerError as error:
            self.error = error.message
            self.apply_lang(self.current_lang)
            return
        self.show(step)

    def on_option_list_option_selected(self, event: ChoiceList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "guide-choices" and event.option.id:
            self.answer(event.option.id)

    def on_multi_list_confirmed(self, event: MultiList.Confirmed) -> None:
        event.stop()
        self.answer(list(event.values) if event.values else "")

    def on_input_submitted(self, event: DateInput.Submitted) -> None:
        event.stop()
        if event.input.id == "guide-date":
            value = self.query_one(DateInput).date_text
            self.answer(value if value else [])

    def on_selection_list_selection_toggled(self, event: MultiList.SelectionToggled) -> None:
        """Ticking an exclusive option ("nothing yet") unticks the others, and the other way round."""
        event.stop()
        if not isinstance(self.step, Ask):
            return
        multi = self.query_one(MultiList)
        toggled = event.selection.value
        if toggled not in multi.selected:
            return
        exclusive = {o.id for o in self.step.options if o.exclusive}
        for value in list(multi.selected):
            if value != toggled and ((toggled in exclusive) or (value in exclusive)):
                multi.deselect(value)

    def action_previous(self) -> None:
        """Back one question; its answer is taken back (and pre-selected)."""
        if self.nav is None or self.step is None:
            return
        answers = self.step.state.answers
        if not answers:
            self.error = NAV_STRINGS["ask.first"]
            self.apply_lang(self.current_lang)
            return
        self.revisit = answers[-1][1]
        self.show(self.nav.back(self.step.state))

    # ------------------------------------------------------------------ links
    def show_steps(self, rule_id: str, start: dt.date) -> None:
        """Open the calculator over this screen at a route's rule and date (Esc comes back)."""
        self.app.open_screen("deadline", rule=rule_id, start=start, today=self.today)  # type: ignore[attr-defined]

