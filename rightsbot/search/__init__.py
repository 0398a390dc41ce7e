"""Search: from a question to ranked knowledge-base entries, with abstention and crisis flags.

Pure functions over an in-memory index built once from the loaded knowledge base.
Imports nothing from the UI. The public surface is :class:`SearchIndex`,
:class:`SearchResult` and :class:`Hit`.
"""

from .engine import Hit, SearchIndex, SearchResult

__all__ = ["Hit", "SearchIndex", "SearchResult"]
