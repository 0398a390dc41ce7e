"""Messages widgets post to ask the app to do something; small dataclasses, no logic."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from rightsbot.core.laws import ArticleNumber


@dataclass
class OpenEntry(Message):
    """Show a knowledge-base entry in the conversation, like an answer."""

    entry_id: str
    """Id of the entry, e.g. ``labor.wage-arrears``."""


@dataclass
class OpenArticle(Message):
    """Open the law viewer at one article."""

    law: str
    """Slug of the law."""
    article: ArticleNumber | None = None
    """The article to show; None for the first."""


@dataclass
class Ask(Message):
    """Search the knowledge base for a question and show the answer."""

    question: str
    """What the person typed."""
