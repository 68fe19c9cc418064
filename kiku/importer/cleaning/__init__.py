"""Site chrome: the rule chain that drops debris, and the word lists and line shapes it matches."""
