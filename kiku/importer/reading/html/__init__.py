"""Reading a saved HTML page into numbered lines, by stage: ``chrome`` (what is never content),
``article`` (which element holds the article and its title), ``walk_plan`` (what the walk does with
each element), ``walk`` and ``lines`` (how kept text becomes lines), ``page`` (the reader's entry)."""
