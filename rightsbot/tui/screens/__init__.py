"""One module per screen; the registry (``rightsbot.tui.registry``) says how to open each."""
