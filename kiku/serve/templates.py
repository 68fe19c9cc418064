"""Which templates a template uses: ``extends``, ``include`` and ``import``, followed to the end."""

from __future__ import annotations

from collections.abc import Mapping

import jinja2
from jinja2 import meta

# A template that names another one with an expression (``{% include name %}``) may use any.
_ANY = "*"


def template_dependencies(environment: jinja2.Environment) -> dict[str, frozenset[str]]:
    """Template name → every template it uses directly or indirectly, itself included.

    Raises ``jinja2.TemplateSyntaxError`` for a template that does not parse.
    """
    direct: dict[str, set[str]] = {}
    names = environment.list_templates()
    for name in names:
        source, _, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
        referenced = meta.find_referenced_templates(environment.parse(source, name=name))
        direct[name] = {_ANY if other is None else other for other in referenced}
    return {name: _closure(name, direct, names) for name in names}


def _closure(name: str, direct: Mapping[str, set[str]], names: list[str]) -> frozenset[str]:
    seen = {name}
    pending = [name]
    while pending:
        for other in direct.get(pending.pop(), ()):
            if other == _ANY:
                return frozenset(names)
            if other not in seen:
                seen.add(other)
                pending.append(other)
    return frozenset(seen)
