"""Reading a site's files: safely (regular, inside the site, within a limit), YAML with positions, open warnings."""
