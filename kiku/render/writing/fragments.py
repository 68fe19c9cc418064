"""Fragments rendered once: a macro's output for a value, reused wherever the value is shown again.

An article's entry (title, date, lead, tags) is the same on the home page, on each of its tag
pages and on every later build page that lists it; only the page's ``root`` (the relative path
back to the site root) can differ. Templates ask for ``{{ summary | fragment("entry", root) }}``:
the macro ``entry`` of ``_macros.html`` is rendered once for the value, with a stand-in for the
root that the markup is then cut at, and each root's markup is those pieces joined by it.
``_macros.html`` reads no context (templates import it without): a macro that links within the
site takes ``root`` as its argument of that name, and is given it here. Macros are pure functions
of their arguments and values are frozen, so a fragment can never be stale: the key is the value
itself (by equality), not its identity.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from kiku.render.writing.escaping import as_markup

MACROS_TEMPLATE = "_macros.html"
_LIMIT = 200_000  # fragments kept; a long preview session starts over past this
# What a macro is given as ``root`` when its fragment is rendered: the markup is then cut where it
# stands, and each page's root is put in its place. Markup, so that it is written as it is; no
# value can put a ``<`` into a fragment (text is escaped), so the cut finds only the root.
_ROOT = Markup("<kiku-root>")


class Fragments:
    """The ``fragment`` filter of one environment."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self._environment = environment
        self._module: Any = None
        self._rendered: dict[tuple[str, str, object], Markup] = {}
        # The same value object shown again (an entry on its home page, tag and month pages): found
        # by its identity first, without hashing the whole frozen view each time. The entry keeps the
        # value alive, so its id cannot be reused for another value while the entry stands.
        self._by_identity: dict[tuple[str, str, int], tuple[object, Markup]] = {}
        # An entry is shown at four depths (the home page, its later pages, months, tags): its
        # macro is rendered once, and the markup cut at the root, for them all.
        self._parts: dict[tuple[str, object], list[str]] = {}

    def __call__(self, value: object, macro: str, root: str) -> Markup:
        seen = self._by_identity.get((macro, root, id(value)))
        if seen is not None and seen[0] is value:
            return seen[1]
        try:
            key = (macro, root, value)
            cached = self._rendered.get(key)
        except TypeError:  # an unhashable value: render it every time
            return Markup(str.join(root, self._render(value, macro)))
        if cached is None:
            if len(self._rendered) >= _LIMIT:
                self._rendered.clear()
                self._parts.clear()
            parts = self._parts.get(key[::2])
            if parts is None:
                parts = self._parts[key[::2]] = self._render(value, macro)
            cached = self._rendered[key] = as_markup(str.join(root, parts))  # (Markup.join would escape them)
        if len(self._by_identity) >= _LIMIT:
            self._by_identity.clear()
        self._by_identity[macro, root, id(value)] = (value, cached)
        return cached

    def _render(self, value: object, macro: str) -> list[str]:
        """The markup of ``macro`` for ``value``, cut where it shows the root."""
        if self._module is None:
            self._module = self._environment.get_template(MACROS_TEMPLATE).module
        render = getattr(self._module, macro)
        if "root" not in render.arguments:
            return [str(render(value))]
        return str(render(value, root=_ROOT)).split(_ROOT)
