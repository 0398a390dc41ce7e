"""The content model: typed, immutable objects for everything the knowledge base holds.

Nothing here knows about files or screens; the loader builds these objects and every
face (CLI, TUI) reads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from .laws import ArticleNumber, Law


class FieldLines:
    """Mixin for content objects that remember where they were written, so a problem found
    later points at the field itself. The dataclass using it declares ``line`` and
    ``field_lines`` (its own fields, because of dataclass field order)."""

    line: int
    field_lines: Mapping[str, int]

    def line_of(self, name: str) -> int:
        """Line of field ``name``, or of the object itself when unknown."""
        return self.field_lines.get(name, self.line)


Lang = Literal["zh", "en"]
#: The two languages every user-facing text exists in.
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class LocalText:
    """A text in both languages; every user-facing string is one of these."""

    zh: str
    """Simplified Chinese."""
    en: str
    """English."""

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("zh" or "en"); anything else falls back to English."""
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class LocalList:
    """A list of phrases in both languages (example questions, keywords)."""

    zh: tuple[str, ...]
    """Chinese phrases."""
    en: tuple[str, ...]
    """English phrases."""

    def get(self, lang: str) -> tuple[str, ...]:
        """The phrases in ``lang``."""
        return self.zh if lang == "zh" else self.en

    def all(self) -> tuple[str, ...]:
        """Both languages together."""
        return self.zh + self.en


@dataclass(frozen=True)
class Citation:
    """A reference from content to one article of a shipped statute file."""

    law: str
    """Slug of a file in ``content/laws/`` (e.g. ``administrative-reconsideration-law``)."""
    article: ArticleNumber
    """The article cited."""
    quote: str | None = None
    """A verbatim excerpt of that article; required wherever the content states a figure."""
    line: int = 0
    """Line of the citation in its content file, for error messages."""


@dataclass(frozen=True)
class Exemption:
    """A figure that the content states without a quote, with the reason it needs none."""

    figure: str
    """The figure as written, e.g. ``12348`` or ``24小时``."""
    reason: str
    """Why no statute quote backs it (a hotline number, a practical tip ...)."""


@dataclass(frozen=True)
class Entry(FieldLines):
    """One knowledge-base topic: a question people ask and the cited answer to it."""

    id: str
    """Stable public id, ``<category>.<slug>``, e.g. ``labor.wage-arrears``."""
    category: str
    """Category id; also the folder the file lives in."""
    title: LocalText
    """Short heading."""
    summary: LocalText
    """One or two sentences that answer directly."""
    answer: LocalText
    """Markdown: steps, body, how, what to bring, deadline, cost, what next."""
    questions: LocalList
    """Example phrasings, used for matching."""
    keywords: LocalList
    """Colloquial terms and synonyms, used for matching."""
    citations: tuple[Citation, ...]
    """Every article the entry relies on."""
    hotlines: tuple[str, ...]
    """Numbers from the hotline directory that help with this topic."""
    related: tuple[str, ...]
    """Ids of entries to read next."""
    last_reviewed: dt.date
    """When a person last checked the entry against the statute texts."""
    exempt: tuple[Exemption, ...] = ()
    """Figures stated without a quote, each with a reason."""
    path: str = ""
    """The file it was loaded from."""
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """Line of each top-level field in its file, so later checks can point at it."""
    line: ClassVar[int] = 1
    """An entry is a whole file: a field of unknown line is reported at line 1."""


@dataclass(frozen=True)
class Hotline:
    """A telephone number from the hotline directory."""

    number: str
    """What to dial, e.g. ``12348``."""
    name: LocalText
    """Who answers."""
    purpose: LocalText
    """One line on what to call it for."""


@dataclass(frozen=True)
class Category:
    """A group of entries, for browsing."""

    id: str
    """Short id, also the folder name under ``content/topics/``."""
    name: LocalText
    """Display name."""


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything loaded from one content folder, validated and ready to serve."""

    root: str
    """The content folder it came from."""
    entries: dict[str, Entry]
    """Entries by id, in category then file order."""
    laws: dict[str, Law] = field(repr=False)
    """Statute texts by slug."""
    hotlines: dict[str, Hotline]
    """Hotline directory by number."""
    categories: dict[str, Category]
    """Categories by id, in display order."""

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with that id, or None."""
        return self.entries.get(entry_id)

    def in_category(self, category: str) -> list[Entry]:
        """Entries of one category, in file order."""
        return [e for e in self.entries.values() if e.category == category]
