"""Closest-match suggestions for mistyped ids, slugs and rule names (rapidfuzz)."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process


def closest(value: str, choices: Iterable[str], limit: int = 3, cutoff: float = 50.0) -> list[str]:
    """Up to ``limit`` choices most like ``value``, best first."""
    matches = process.extract(value, list(choices), scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff)
    return [choice for choice, _, _ in matches]
