"""The command-line face: thin commands over the core, one module per command."""
