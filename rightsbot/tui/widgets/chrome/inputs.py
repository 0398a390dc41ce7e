"""Text inputs that never put anything on the clipboard."""

from __future__ import annotations

from textual.widgets import Input


class PrivateInput(Input):
    """An ``Input`` whose copy and cut do nothing: only "copy answer" may use the clipboard."""

    DEFAULT_CLASSES = "-input"

    def action_copy(self) -> None:
        """Selection copy is disabled for privacy."""

    def action_cut(self) -> None:
        """Cut is disabled (it would copy); nothing is removed either."""
