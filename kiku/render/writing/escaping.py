"""Autoescaping that passes markup through as it is: the same bytes, without a copy per output.

Jinja compiles every ``{{ value }}`` of an autoescaped template to ``escape(value)``, MarkupSafe's.
For a value that is already ``Markup`` (a macro's output, a filter's, a fragment), that builds a new
``Markup`` of the same text (``Markup(value.__html__())``: two calls and a copy), and an article page
has hundreds of them, whole sections among them. Markup is an immutable ``str``: the value itself
is that very text. So compiled templates call ``escape`` below, which returns a ``Markup`` as it is
and hands every other value to MarkupSafe (plain text escaped, ``__html__`` honoured, as before).
"""

from __future__ import annotations

from typing import Any

import markupsafe
from jinja2.compiler import CodeGenerator
from markupsafe import Markup

_RUNTIME_IMPORT = "from jinja2.runtime import "


def escape(value: object) -> Markup:
    """``markupsafe.escape(value)``, returning a ``Markup`` value itself instead of a copy."""
    if type(value) is Markup:
        return value
    return markupsafe.escape(value)


class MarkupPassingGenerator(CodeGenerator):
    """Jinja's code generator, binding the templates' ``escape`` to ``kiku``'s after Jinja's own import."""

    def writeline(self, x: str, node: Any = None, extra: int = 0) -> None:
        super().writeline(x, node, extra)
        if x.startswith(_RUNTIME_IMPORT):
            super().writeline(f"from {__name__} import escape")
