"""Problems found in content, reported as ``path:line: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a content file, located precisely enough to fix it."""

    path: str
    """File the problem is in (as given to the loader)."""
    line: int
    """1-based line number; 0 when the problem concerns the file as a whole."""
    message: str
    """What is wrong, in plain words, for a content author."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UserInputError(ValueError):
    """A request from the user (an id, a date, a question) that cannot be served as asked."""
