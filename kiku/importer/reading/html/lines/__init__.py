"""How the kept text of a saved page becomes lines: the sink lines are written into, the labels and
date fields read on one line with their text, a line's style, and link targets written where a text dump
prints them."""
