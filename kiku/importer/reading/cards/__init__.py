"""Source cards in a saved page: read by their markup (``markup``), by the text of their lines (``text``), or by
the card scorer (``scoring``)."""
