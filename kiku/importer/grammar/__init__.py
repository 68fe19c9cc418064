"""Reading a digest page by the family's grammar, in three stages: ``lines`` (each line's features,
dates, labels and the labels that recur), ``cards`` (a source card's lines read into fields, the
scorer in ``cards.fields``) and ``page`` (the grammar as data, the decoder, the title, the sections)."""
