"""Cards read by the card scorer (``grammar.cards.fields``): a box whose lines are not told apart by their markup,
and a card printed as (label, value) pairs."""
