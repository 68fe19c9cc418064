"""How the plan store (:mod:`kiku.render.planning.plan_store`) pickles a planner: each article as a
reference (its content file and key), read-only mappings as their items, and every dataclass as its
constructor and field values (as the article cache stores an article): the default pickling of a
frozen dataclass with slots reads its fields through ``dataclasses.fields`` for every object, most
of the time a store took."""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

from kiku.content.cache.articles import constructor_fields
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle

# An article by its content file name and key.
Reference = tuple[str, bytes]
# The article a reference names; raises StaleStore when it cannot be had.
Resolve = Callable[[str, bytes], Article]

_ARTICLE_CLASSES = frozenset({DigestArticle, EncyclopediaArticle})


class StaleStore(Exception):
    """The store names an article that can no longer be had under its key."""


def dumps(value: object, references: Mapping[int, Reference]) -> bytes:
    """``value`` pickled, each article whose id is in ``references`` as that reference (any other
    article whole: an earlier version a kept feed entry still holds)."""
    buffer = io.BytesIO()
    _PlanPickler(buffer, references).dump(value)
    return buffer.getvalue()


def loads(data: bytes, resolve: Resolve) -> object:
    """What ``dumps`` pickled, each article reference resolved by ``resolve``."""
    return _PlanUnpickler(io.BytesIO(data), resolve).load()


def article_reference(file_name: str, key: bytes) -> Article:
    """What an article is pickled as; only ``loads`` resolves it."""
    raise StaleStore(f"{file_name}: an article reference outside a plan store")


def _mapping_proxy(items: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(items)


class _PlanPickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO, references: Mapping[int, Reference]) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self._references = references

    def reducer_override(self, obj: object) -> Any:
        cls: type = type(obj)
        if cls is MappingProxyType:
            return _mapping_proxy, (dict(cast("MappingProxyType[str, object]", obj)),)
        if cls in _ARTICLE_CLASSES:
            reference = self._references.get(id(obj))
            if reference is not None:
                return article_reference, reference
        fields = constructor_fields(cls)
        return NotImplemented if fields is None else (cls, fields(obj))


class _PlanUnpickler(pickle.Unpickler):
    def __init__(self, stream: io.BytesIO, resolve: Resolve) -> None:
        super().__init__(stream)
        self._resolve = resolve

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, article_reference.__name__):
            return self._resolve
        return super().find_class(module, name)
