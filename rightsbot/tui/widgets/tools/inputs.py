"""The tools' inputs: a date box, a one-choice list and a several-choices list.

All keyboard: the lists take ↑ ↓, a digit (the option's number) and Enter; the several-
choices list ticks with Space and goes on with Enter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton  # private: the tick mark SelectionList draws
from textual.widgets.option_list import OptionDoesNotExist

from rightsbot.tui.widgets.chrome.inputs import PrivateInput

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")


def normalise_date(text: str) -> str:
    """``2026/12/1`` or ``2026年12月1日`` as ``2026-12-01``; anything else as typed (trimmed).

    Only the writing is changed: whether the day exists is for the calculator to say, with
    its own precise message (``parse_start``).
    """
    value = unicodedata.normalize("NFKC", text).strip()
    match = _DATE.fullmatch(value)
    if match is None:
        return value
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


class DateInput(PrivateInput):
    """A box for one date; Enter submits. With ``back_when_empty``, Backspace in the empty box
    is left to the screen (the guide goes back one question)."""

    def __init__(self, *, back_when_empty: bool = False, **kwargs: object) -> None:
        super().__init__(max_length=40, **kwargs)  # type: ignore[arg-type]
        self.back_when_empty = back_when_empty
        """Whether Backspace in the empty box is passed on to the screen."""

    @property
    def date_text(self) -> str:
        """The date typed, normalised to YYYY-MM-DD when it is written another common way."""
        return normalise_date(self.value)

    def action_delete_left(self) -> None:
        if self.back_when_empty and not self.value:
            raise SkipAction()
        super().action_delete_left()


class _Numbered:
    """A digit picks the option with that number (as the command-line guide numbers them)."""

    def on_key(self, event: events.Key) -> None:
        options: OptionList = self  # type: ignore[assignment]
        if event.character and event.character in "123456789":
            index = int(event.character) - 1
            if index < options.option_count:
                event.stop()
                event.prevent_default()
                options.highlighted = index
                options.action_select()


class ChoiceList(_Numbered, OptionList):
    """One answer: ↑ ↓ or a digit, Enter picks."""


class MultiList(_Numbered, SelectionList[str]):
    """Several answers: Space (or a digit) ticks, Enter goes on with the ticked ones."""

    BINDINGS = [Binding("enter", "confirm", "key.confirm", show=False)]

    @dataclass
    class Confirmed(Message):
        """Enter was pressed: the ticked values, in list order."""

        values: tuple[str, ...]
        """The ticked option ids."""

    def render_line(self, y: int) -> Strip:
        """The tick box shows X only when ticked, so the state reads without colour (NO_COLOR)."""
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if selection.value in self.selected or len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return line
        segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, line.cell_length)

    def action_confirm(self) -> None:
        """Post :class:`Confirmed` with what is ticked."""
        ticked = set(self.selected)
        values = tuple(self.get_option_at_index(i).value for i in range(self.option_count)
                       if self.get_option_at_index(i).value in ticked)
        self.post_message(self.Confirmed(values))
