"""Which templates a template uses: ``extends``, ``include`` and ``import``, followed to the end."""

from __future__ import annotations

from collections.abc import Mapping

import jinja2
from jinja2 import meta

# A template that names another one with an expression (``{% include name %}``) may use any.
_ANY = "*"


def template_dependencies(
    environment: jinja2.Environment, known: dict[tuple[str, str], set[str]] | None = None
) -> dict[str, frozenset[str]]:
    """Template name → every template it uses directly or indirectly, itself included.

    ``known``: what each template named directly when last parsed, by its name and source; only
    templates not in it are parsed (a save of base.html parsed all of them before the reload:
    half of its time), and it is left holding the current templates' alone.
    Raises ``jinja2.TemplateSyntaxError`` for a template that does not parse.
    """
    direct: dict[tuple[str, str], set[str]] = {}
    names = environment.list_templates()
    for name in names:
        source, _, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
        referenced = known.get((name, source)) if known is not None else None
        if referenced is None:
            found = meta.find_referenced_templates(environment.parse(source, name=name))
            referenced = {_ANY if other is None else other for other in found}
        direct[(name, source)] = referenced
    if known is not None:
        known.clear()
        known.update(direct)
    by_name = {name: referenced for (name, _), referenced in direct.items()}
    return {name: _closure(name, by_name, names) for name in names}


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
