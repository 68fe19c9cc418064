"""Page planning by kind: each module plans one kind of page (listings, articles, sources, archive,
feeds) as ``Page`` values; :mod:`kiku.render.planning.plan` puts them together."""
