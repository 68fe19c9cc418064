"""What a page lists besides its own article: the site's paginated lists (home, tags, months, outlets),
the outlets its sources cite, and each article's related articles."""
