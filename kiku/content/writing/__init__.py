"""Writing content: an article back to the YAML document the loader reads."""
