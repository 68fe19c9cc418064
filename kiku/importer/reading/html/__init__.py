"""Reading a saved HTML page: its root and main column, title, chrome, labels and lines."""
