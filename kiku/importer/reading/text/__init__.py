"""Reading a text dump: hard-wrapped lines joined, Markdown dumps read as lines."""
