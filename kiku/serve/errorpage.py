"""The page the preview shows in place of the site while the last save does not build."""

from __future__ import annotations

from html import escape

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kiku: the site does not build</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
h1 {{ font-size: 1.3rem; color: #9b1c1c; }}
pre {{ background: #fdf2f2; border-left: 4px solid #9b1c1c; padding: 1rem; white-space: pre-wrap; }}
</style>
</head>
<body>
<h1>The site does not build</h1>
<pre class="kiku-build-error">{errors}</pre>
<p>Fix the file and save it: this page reloads by itself and the site comes back.</p>
</body>
</html>
"""


def error_page(error: str) -> bytes:
    """The error page for ``error`` (one problem per line, ``path:line:column: field: message``);
    every character of it is escaped: it quotes the editor's text, which may hold markup."""
    return _PAGE.format(errors=escape(error, quote=True)).encode("utf-8")
