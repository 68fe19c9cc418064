"""Where a saved page's article is: its content root and main column, and the element printing its title."""
