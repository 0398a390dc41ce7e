"""The conversation, kept in memory only: never written, wiped by "clear", gone on quit."""

from __future__ import annotations

from dataclasses import dataclass, field

from rightsbot.search import SearchResult


@dataclass
class Exchange:
    """One question (or opened topic) and what was shown for it."""

    question: str | None
    """What the person typed; None when a topic was opened from a list or a link."""
    entry_id: str | None
    """The entry shown as the answer; None when the search abstained."""
    result: SearchResult | None = None
    """The search result, when there was a search."""


@dataclass
class Session:
    """Everything the app remembers, which is only this, and only in memory."""

    exchanges: list[Exchange] = field(default_factory=list)
    """The conversation, oldest first."""

    @property
    def current_entry_id(self) -> str | None:
        """The entry of the latest answer (what "copy answer" and the side panel use).

        None before the first question and after a question the knowledge base cannot answer.
        """
        return self.exchanges[-1].entry_id if self.exchanges else None

    @property
    def crisis(self) -> bool:
        """Whether the latest question flagged danger to life now."""
        last = self.exchanges[-1] if self.exchanges else None
        return bool(last and last.result and last.result.crisis)

    def add(self, exchange: Exchange) -> None:
        """Remember one exchange."""
        self.exchanges.append(exchange)

    def clear(self) -> None:
        """Forget everything."""
        self.exchanges.clear()
