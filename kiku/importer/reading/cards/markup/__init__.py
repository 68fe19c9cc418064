"""Source cards a saved page builds from its markup: a card that is one link, link boxes and previews, title
links, URL boxes, figures, tables, field lists and quotations; the card arrow and link line they all write."""
