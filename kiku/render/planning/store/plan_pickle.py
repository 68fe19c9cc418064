"""How the plan store (:mod:`kiku.render.planning.store.plan_store`) pickles a planner: read-only mappings
as their items, and every dataclass as its constructor and field values (as the article cache
stores an article). The default pickling of a frozen dataclass with slots reads its fields through
``dataclasses.fields`` for every object, and sets them one by one when loaded: most of the time a
store of 10,000 articles took."""

from __future__ import annotations

import io
import pickle
from types import MappingProxyType
from typing import Any, cast

from kiku.content.cache.articles import constructor_fields


def dumps(value: object) -> bytes:
    """``value`` pickled (see the module docstring); ``pickle.loads`` reads it."""
    buffer = io.BytesIO()
    _PlanPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _mapping_proxy(items: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(items)


class _PlanPickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        cls: type = type(obj)
        if cls is MappingProxyType:
            return _mapping_proxy, (dict(cast("MappingProxyType[str, object]", obj)),)
        fields = constructor_fields(cls)
        return NotImplemented if fields is None else (cls, fields(obj))
