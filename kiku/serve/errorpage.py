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
:root {{ color-scheme: light dark; --accent: #9b1c1c; --panel: #fdf2f2; --rule: #f3d4d4; }}
@media (prefers-color-scheme: dark) {{
  :root {{ --accent: #f29b9b; --panel: #2a1616; --rule: #4a2626; }}
}}
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }}
h1 {{ font-size: 1.3rem; color: var(--accent); }}
ul {{ background: var(--panel); border-left: 4px solid var(--accent); list-style: none; margin: 0;
      padding: .5rem 1rem; font: .9rem/1.5 ui-monospace, monospace; overflow-wrap: anywhere; }}
li {{ padding: .4rem 0 .4rem 2ch; text-indent: -2ch; }}
li + li {{ border-top: 1px solid var(--rule); }}
</style>
</head>
<body>
<h1>The site does not build</h1>
<ul class="kiku-build-error">{errors}</ul>
<p>Fix the file and save it: this page reloads by itself and the site comes back.</p>
</body>
</html>
"""


def error_page(error: str) -> bytes:
    """The error page for ``error`` (one problem per line, ``path:line:column: field: message``),
    a list item each; every character of it is escaped: it quotes the editor's text, which may
    hold markup."""
    problems = "".join(f"<li>{escape(line, quote=True)}</li>" for line in error.splitlines() if line.strip())
    return _PAGE.format(errors=problems).encode("utf-8")
