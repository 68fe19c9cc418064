"""Writing safely: atomic file writes, kiku's own temporary folders, and cleaning up after a kill."""
