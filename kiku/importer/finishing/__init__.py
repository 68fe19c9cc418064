"""After a page is read: tags, slug, checks of what the scrape damaged, the accounting of every line."""
