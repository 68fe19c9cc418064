"""The whole page read under the family's grammar: the grammar as data, the decoder, the title and the sections."""
