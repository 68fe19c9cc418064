"""The Jinja2 environment pages are rendered with."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from kiku.render.markdown import render_block, render_inline
from kiku.render.phrases import phrase_markup


def make_environment(templates_dir: Path) -> Environment:
    """A Jinja2 environment over ``templates_dir``.

    Every template is autoescaped (HTML and XML alike) but ``*.txt`` ones (robots.txt holds
    no content text), and a missing variable is an error (``StrictUndefined``).
    The filters ``markdown`` (block) and ``markdown_inline`` (both take ``phrased=true``) and
    ``phrases`` (plain text, escaped, with ``<wbr>`` between phrases) are the only way a template
    turns text into HTML. Jinja's default globals (``range``, ``namespace``, ``cycler``, …) are
    removed: templates lay out what the page plan prepared, they do not compute.
    """
    environment = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(disabled_extensions=("txt",), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.globals.clear()
    environment.filters["markdown"] = render_block
    environment.filters["markdown_inline"] = render_inline
    environment.filters["phrases"] = phrase_markup
    return environment
