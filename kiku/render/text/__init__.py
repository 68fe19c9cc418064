"""Text for pages: Markdown, plain text, Japanese phrase breaks, reading time."""
