"""Frozen dataclasses made as fast as plain ones: ``quick_init``.

A frozen dataclass's ``__init__`` sets each field by ``object.__setattr__(self, 'name', value)``
(its own ``__setattr__`` refuses): a look-up of ``object``, of its ``__setattr__``, and of the
field's slot in the class, for every field of every object made. The model and the views are made
by the hundred thousand in a build (every article loaded, read back from the article cache,
planned and shown), and those calls were a tenth of their cost. ``quick_init`` gives such a class
an ``__init__`` with the same parameters that sets each field through its slot's descriptor
directly, as ``object.__setattr__`` ends up doing: the same object, made in about half the time.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_init(cls: T) -> T:
    """Replace the ``__init__`` of ``cls``, a frozen dataclass with slots, by one setting each field
    through its slot (see the module docstring); the parameters, defaults and objects made are the same.

    Raises TypeError for a class whose ``__init__`` does more than set its fields from its
    arguments (``__post_init__``, ``default_factory``, ``InitVar``, keyword-only or ``init=False``
    fields), or that is not a frozen dataclass with slots.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or not params.init or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: quick_init takes a frozen dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__qualname__}: quick_init cannot run __post_init__")
    fields = dataclasses.fields(cls)
    declared: dict[str, object] = cls.__dict__["__dataclass_fields__"]  # InitVars and ClassVars too
    if len(fields) != len(declared):
        raise TypeError(f"{cls.__qualname__}: quick_init takes fields only")
    namespace: dict[str, Any] = {}
    parameters, lines = [], []
    for number, field in enumerate(fields):
        if not field.init or field.kw_only or field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__qualname__}.{field.name}: quick_init takes plain fields only")
        setter = f"_set_{number}"
        namespace[setter] = _slot(cls, field.name).__set__
        if field.default is dataclasses.MISSING:
            parameters.append(field.name)
        else:
            namespace[f"_default_{number}"] = field.default
            parameters.append(f"{field.name}=_default_{number}")
        lines.append(f"    {setter}(self, {field.name})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(lines) or "    pass") + "\n"
    exec(source, namespace)  # made of the class's own field names, as dataclasses does
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = __name__  # made here: how a test tells these classes apart
    type.__setattr__(cls, "__init__", init)
    return cls


def _slot(cls: type, name: str) -> types.MemberDescriptorType:
    for klass in cls.__mro__:
        found = klass.__dict__.get(name)
        if found is not None:
            if not isinstance(found, types.MemberDescriptorType):
                break
            return found
    raise TypeError(f"{cls.__qualname__}.{name}: not a slot")
