"""Leaving a tool screen leaves nothing of it behind in the app.

Every localised widget asks the app to call it when the language changes
(``watch(app, "lang", ...)``). Textual keeps that registration in the app until the *next*
change of language, even after the widget is gone; so a closed guide screen, and the
answers its widgets show, would stay reachable from the app. :func:`drop_departed_watchers`
removes those registrations at once.

Private Textual API: the app's ``__watchers`` attribute and each node's ``_closing`` flag
(``textual.reactive._watch`` and ``MessagePump._close_messages``); pinned by
``tests/test_tui_tools.py``, which checks that nothing answered is reachable after leaving.
"""

from __future__ import annotations

from typing import Any


def drop_departed_watchers(app: Any, *gone: Any) -> int:
    """Forget the app's watchers registered by nodes that are closing or closed, or in ``gone``.

    Returns how many were dropped.
    """
    watchers: dict[str, list[tuple[Any, Any]]] = getattr(app, "__watchers", {})
    doomed = {id(node) for node in gone}
    dropped = 0
    for entries in watchers.values():
        kept = [(node, callback) for node, callback in entries
                if id(node) not in doomed and not getattr(node, "_closing", False)
                and not getattr(node, "_closed", False)]
        dropped += len(entries) - len(kept)
        entries[:] = kept
    return dropped
