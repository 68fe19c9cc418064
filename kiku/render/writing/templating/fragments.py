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

from kiku.render.writing.templating.escaping import as_markup

MACROS_TEMPLATE = "_macros.html"
_LIMIT = 200_000  # values kept; a long preview session starts over past this
# What a macro is given as ``root`` when its fragment is rendered: the markup is then cut where it
# stands, and each page's root is put in its place. Markup, so that it is written as it is; no
# value can put a ``<`` into a fragment (text is escaped), so the cut finds only the root.
_ROOT = Markup("<kiku-root>")

# A value's markup cut at the root: the markup itself when the macro takes no root (or never shows it).
_Cut = Markup | tuple[str, ...]


class Fragments:
    """The ``fragment`` filter of one environment.

    Only the cut markup is kept, once per value, and joined for each page's root when it is asked
    for (a join of a few pieces, far less than a render): keeping each root's joined markup as well
    was four more copies of every entry, the largest thing a page process held (2026-11-30, 5,000
    articles: 17 of its 31 MiB of fragments)."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self._environment = environment
        self._module: Any = None
        self._cuts: dict[tuple[str, object], _Cut] = {}
        # The same value object shown again (an entry on its home page, tag and month pages): found
        # by its identity first, without hashing the whole frozen view each time. The entry keeps the
        # value alive, so its id cannot be reused for another value while the entry stands.
        self._by_identity: dict[tuple[str, int], tuple[object, _Cut]] = {}

    def __call__(self, value: object, macro: str, root: str) -> Markup:
        seen = self._by_identity.get((macro, id(value)))
        if seen is not None and seen[0] is value:
            cut = seen[1]
        else:
            try:
                key = (macro, value)
                found = self._cuts.get(key)
            except TypeError:  # an unhashable value: render it every time
                return _joined(self._render(value, macro), root)
            if found is None:
                if len(self._cuts) >= _LIMIT:
                    self._cuts.clear()
                parts = self._render(value, macro)
                found = self._cuts[key] = as_markup(parts[0]) if len(parts) == 1 else tuple(parts)
            if len(self._by_identity) >= _LIMIT:
                self._by_identity.clear()
            self._by_identity[macro, id(value)] = (value, found)
            cut = found
        return cut if isinstance(cut, Markup) else _joined(cut, root)

    def clear(self) -> None:
        """Forget every fragment (a build process whose pages are written: at 20,000 articles the
        main process held 60 MiB of them into the share cards and the end of the build)."""
        self._cuts.clear()
        self._by_identity.clear()

    def _render(self, value: object, macro: str) -> list[str]:
        """The markup of ``macro`` for ``value``, cut where it shows the root."""
        if self._module is None:
            self._module = self._environment.get_template(MACROS_TEMPLATE).module
        render = getattr(self._module, macro)
        if "root" not in render.arguments:
            return [str(render(value))]
        return str(render(value, root=_ROOT)).split(_ROOT)


def _joined(parts: tuple[str, ...] | list[str], root: str) -> Markup:
    return as_markup(str.join(root, parts))  # (Markup.join would escape them)
