"""The encyclopedia layout: a Wikipedia article as a mirror wraps it (``article``), its infobox rows,
its sections and back matter, and its footnotes (``infobox``, ``sections``, ``references``)."""
