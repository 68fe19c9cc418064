"""Writing the pages on every core: which process renders which page, and claiming them as it goes."""
