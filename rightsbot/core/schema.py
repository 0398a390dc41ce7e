"""Small typed readers that turn YAML values into model objects or precise problems.

Each reader takes a :class:`~rightsbot.core.yamlsource.YamlDoc` and a path inside it, and
either returns a value or appends a :class:`~rightsbot.core.errors.Problem` naming the
file and line. Unknown fields are problems, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .errors import Problem
from .model import LANGS, LocalList, LocalText
from .yamlsource import YamlDoc


class Reader:
    """Collects problems while reading one YAML document."""

    def __init__(self, doc: YamlDoc):
        self.doc = doc
        """The document being read."""
        self.problems: list[Problem] = []
        """Problems found so far."""

    def problem(self, message: str, *path: object) -> None:
        """Record a problem at the line of ``path``."""
        self.problems.append(Problem(self.doc.path, self.doc.line(*path), message))

    def get(self, *path: object) -> Any:
        """The raw value at ``path`` (None if absent)."""
        value: Any = self.doc.data
        for key in path:
            if isinstance(value, dict):
                value = value.get(key)
            elif isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
                value = value[key]
            else:
                return None
        return value

    def mapping(self, *path: object, allowed: Iterable[str], required: Iterable[str]) -> dict[str, Any] | None:
        """Check the value at ``path`` is a mapping with only ``allowed`` and all ``required`` keys."""
        value = self.get(*path)
        where = ".".join(str(p) for p in path) or "file"
        if not isinstance(value, dict):
            self.problem(f"{where} must be a mapping (key: value lines)", *path)
            return None
        allowed = set(allowed)
        for key in value:
            if key not in allowed:
                self.problem(f"unknown field '{key}' in {where} (allowed: {', '.join(sorted(allowed))})",
                             *path, key)
        for key in required:
            if key not in value:
                self.problem(f"missing field '{key}' in {where}", *path)
        return value

    def text(self, *path: object, required: bool = True) -> str | None:
        """A non-empty string at ``path``."""
        value = self.get(*path)
        name = ".".join(str(p) for p in path)
        if value is None:
            if required:
                self.problem(f"missing {name}", *path)
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(f"{name} must be non-empty text", *path)
            return None
        return value.strip()

    def local_text(self, *path: object) -> LocalText | None:
        """A ``{zh: ..., en: ...}`` mapping, both present and non-empty."""
        if self.mapping(*path, allowed=LANGS, required=()) is None:
            return None
        zh = self.text(*path, "zh")
        en = self.text(*path, "en")
        if zh is None or en is None:
            return None
        return LocalText(zh, en)

    def string_list(self, *path: object, min_items: int = 0) -> tuple[str, ...] | None:
        """A list of non-empty strings."""
        value = self.get(*path)
        name = ".".join(str(p) for p in path)
        if value is None:
            value = []
        if not isinstance(value, list):
            self.problem(f"{name} must be a list (lines starting with '- ')", *path)
            return None
        items: list[str] = []
        for i, _ in enumerate(value):
            item = self.text(*path, i)
            if item is not None:
                items.append(item)
        if len(items) < min_items:
            self.problem(f"{name} needs at least {min_items} items, has {len(items)}", *path)
        return tuple(items)

    def local_list(self, *path: object, min_zh: int = 1, min_en: int = 1) -> LocalList | None:
        """A ``{zh: [...], en: [...]}`` mapping of phrase lists."""
        if self.mapping(*path, allowed=LANGS, required=LANGS) is None:
            return None
        zh = self.string_list(*path, "zh", min_items=min_zh)
        en = self.string_list(*path, "en", min_items=min_en)
        if zh is None or en is None:
            return None
        return LocalList(zh, en)

    def date(self, *path: object, today: dt.date) -> dt.date | None:
        """A real calendar date (YYYY-MM-DD) not after ``today``."""
        value = self.get(*path)
        name = ".".join(str(p) for p in path)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                self.problem(f"{name} must be a real date written YYYY-MM-DD, got {value!r}", *path)
                return None
        if not isinstance(value, dt.date):
            self.problem(f"{name} must be a date written YYYY-MM-DD", *path)
            return None
        if value > today:
            self.problem(f"{name} {value} is in the future", *path)
            return None
        return value
