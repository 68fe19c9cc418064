"""Fragments rendered once: a macro's output for a value, reused wherever the value is shown again.

An article's entry (title, date, lead, tags) is the same on the home page, on each of its tag
pages and on every later build page that lists it; only the page's ``root`` (the relative path
back to the site root) can differ. Templates ask for ``{{ summary | fragment("entry", root) }}``:
the macro ``entry`` of ``_macros.html`` is rendered with that ``root`` the first time and the
markup is reused after. ``_macros.html`` reads no context (templates import it without): a macro
that links within the site takes ``root`` as its argument of that name, and is given it here.
Macros are pure functions of their arguments and values are frozen, so a fragment can never be
stale: the key is the value itself (by equality), not its identity.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

MACROS_TEMPLATE = "_macros.html"
_LIMIT = 200_000  # fragments kept; a long preview session starts over past this


class Fragments:
    """The ``fragment`` filter of one environment."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self._environment = environment
        self._module: Any = None
        self._rendered: dict[tuple[str, str, object], Markup] = {}

    def __call__(self, value: object, macro: str, root: str) -> Markup:
        try:
            key = (macro, root, value)
            cached = self._rendered.get(key)
        except TypeError:  # an unhashable value: render it every time
            return self._render(value, macro, root)
        if cached is None:
            if len(self._rendered) >= _LIMIT:
                self._rendered.clear()
            cached = self._rendered[key] = self._render(value, macro, root)
        return cached

    def _render(self, value: object, macro: str, root: str) -> Markup:
        if self._module is None:
            self._module = self._environment.get_template(MACROS_TEMPLATE).module
        render = getattr(self._module, macro)
        return Markup(render(value, root=root) if "root" in render.arguments else render(value))
