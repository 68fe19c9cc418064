"""Reading a digest page by the family's grammar: line features, the grammar, the decoder."""
