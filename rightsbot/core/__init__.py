"""The core: content model, loading, validation and statute texts. Imports nothing from the UI."""
