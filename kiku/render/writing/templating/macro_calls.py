"""Calling a template's macros without Jinja's general call machinery, with the same result.

Jinja compiles every call in a template, ``{{ ui.remark(paragraphs, "comment", "ひとこと") }}``, to
``context.call(callee, *args, …)``: that asks the callee whether it wants the context, the
environment or the evaluation context passed (two attribute look-ups and flag tests), passes the
evaluation context to a macro, and ``Macro.__call__`` then binds the arguments one by one (keyword
arguments, ``caller``, ``varargs``, ``kwargs``) before it calls the macro's function. An article page
makes some twenty such calls, each several microseconds. Compiled templates call ``call`` below
instead: a macro given positional arguments only, and taking neither ``caller``, ``varargs`` nor
``kwargs``, is called as ``Macro.__call__`` would call it (each argument not given is ``missing``,
which the macro's function replaces by its default; the output is ``Markup`` when the evaluation
context autoescapes); any other call goes to ``context.call`` as before.
"""

from __future__ import annotations

from typing import Any

from jinja2.runtime import Context, Macro
from jinja2.utils import missing

from kiku.render.writing.templating.escaping import _RUNTIME_IMPORT, MarkupPassingGenerator, as_markup

_CONTEXT_CALL = "context.call("
_FRAME_KEYWORDS = frozenset({"_loop_vars", "_block_vars"})  # what the compiler adds for pass_context callees


def call(context: Context, callee: Any, *args: Any, **kwargs: Any) -> Any:
    """``context.call(callee, *args, **kwargs)``, a plain macro call made directly."""
    if (
        type(callee) is Macro
        and len(args) <= callee._argument_count
        and not (callee.caller or callee.catch_kwargs or callee.catch_varargs or callee.explicit_caller)
        and _FRAME_KEYWORDS.issuperset(kwargs)
        and not context.environment.is_async
    ):
        if len(args) < callee._argument_count:
            args = (*args, *(missing,) * (callee._argument_count - len(args)))
        output = callee._func(*args)
        return as_markup(output) if context.eval_ctx.autoescape else output
    return context.call(callee, *args, **kwargs)


class DirectCallGenerator(MarkupPassingGenerator):
    """Jinja's code generator (with kiku's ``escape``) compiling calls to ``call`` above."""

    def writeline(self, x: str, node: Any = None, extra: int = 0) -> None:
        super().writeline(x, node, extra)
        if x.startswith(_RUNTIME_IMPORT):  # after the escape import MarkupPassingGenerator adds
            super().writeline(f"from {__name__} import call as kiku_call")

    def write(self, x: str) -> None:
        super().write("kiku_call(context, " if x == _CONTEXT_CALL else x)
