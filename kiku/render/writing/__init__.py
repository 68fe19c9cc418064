"""Writing pages: the Jinja2 environment, fragments, rendering on every core, the page memo, the site icon."""
