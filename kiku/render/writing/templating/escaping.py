"""Autoescaping that passes text through as it is when escaping would not change it.

Jinja compiles every ``{{ value }}`` of an autoescaped template to ``escape(value)``, MarkupSafe's,
and only ever joins what that returns into the page (or into a macro's output, which Jinja then
marks as markup). For a value that is already ``Markup`` (a macro's output, a filter's, a fragment),
MarkupSafe builds a new ``Markup`` of the same text (``Markup(value.__html__())``: two calls and a
copy), and an article page has hundreds of them, whole sections among them; for plain text, it
builds a ``Markup`` copy of the escaped text even when nothing needed escaping, which is most
Japanese text (a tenth of a page's rendering time went to those copies). So compiled templates call
``escape`` below, which returns a ``Markup`` as it is, and plain text holding none of ``& < > " '``
as it is; every other value goes to MarkupSafe (text escaped, ``__html__`` honoured, as before).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

import markupsafe
from jinja2.compiler import CodeGenerator
from markupsafe import Markup

_RUNTIME_IMPORT = "from jinja2.runtime import "

# ``Markup(text)`` for a ``str`` that is markup already (a filter's HTML, a macro's output): the same
# value, made in C by ``str.__new__`` without ``Markup.__new__``'s Python frame and ``__html__`` test
# (under half the time; a site's pages make some fifty each).
as_markup = cast(Callable[[str], Markup], functools.partial(str.__new__, Markup))


def escape(value: object) -> str:
    """``markupsafe.escape(value)``'s text, without a copy where that would be ``value`` itself."""
    if type(value) is Markup:
        return value
    if type(value) is str and not ("&" in value or "<" in value or ">" in value or '"' in value or "'" in value):
        return value
    return markupsafe.escape(value)


class MarkupPassingGenerator(CodeGenerator):
    """Jinja's code generator, binding the templates' ``escape`` to ``kiku``'s after Jinja's own import."""

    def writeline(self, x: str, node: Any = None, extra: int = 0) -> None:
        super().writeline(x, node, extra)
        if x.startswith(_RUNTIME_IMPORT):
            super().writeline(f"from {__name__} import escape")
