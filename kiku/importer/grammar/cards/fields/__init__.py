"""One reader of a card's fields by their features, whatever order or markup printed them.

``segments`` cuts a card's lines into candidate fields, ``features`` scores each by its shape (URL,
date, label, name-like, headline-like, sentence-like) and ``reading`` assigns the fields by the best
reading of the whole card."""
