"""How the plan store (:mod:`kiku.render.planning.plan_store`) pickles a planner: read-only mappings
as their items, every dataclass as its constructor and field values (as the article cache stores
an article), and the articles the article cache holds as references to its entries. The default
pickling of a frozen dataclass with slots reads its fields through ``dataclasses.fields`` for every
object, and sets them one by one when loaded: most of the time a store of 10,000 articles took. The
articles were most of its bytes (at 10,000 articles, 64 of 84 MB), each a copy of an entry of the
article cache, which a build reads anyway."""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

from kiku.content.cache.articles import constructor_fields
from kiku.content.model import Article, DigestArticle, EncyclopediaArticle

Reference = tuple[str, bytes]  # an article by its content file name and key in the article cache
_ARTICLE_CLASSES = (DigestArticle, EncyclopediaArticle)


def dumps(value: object) -> bytes:
    """``value`` pickled (see the module docstring); ``pickle.loads`` reads it."""
    buffer = io.BytesIO()
    dump(value, buffer.write, {})
    return buffer.getvalue()


def dump(value: object, write: Callable[[bytes], object], references: Mapping[int, Reference]) -> None:
    """Pickle ``value`` through ``write`` (see the module docstring), each article that has one of
    ``references`` (by the object's id) as that reference. ``loads`` reads it."""
    _PlanPickler(_Writer(write), references).dump(value)


class _Writer:
    """What a pickler writes to: anything with a ``write``."""

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self.write = write


def loads(data: bytes, resolve: Callable[[str, bytes], Article]) -> object:
    """What ``dumps`` pickled, each article reference made the article ``resolve`` gives for it (it
    raises when there is none: the whole load fails)."""
    return _PlanUnpickler(io.BytesIO(data), resolve).load()


def _mapping_proxy(items: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(items)


def _stored_article(file_name: str, key: bytes) -> Article:
    """Where a pickle names an article by its reference; ``loads`` puts the resolver in its place."""
    raise pickle.UnpicklingError(f"{file_name}: an article reference, read without the article cache")


class _PlanPickler(pickle.Pickler):
    def __init__(self, file: _Writer, references: Mapping[int, Reference]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._references = references

    def reducer_override(self, obj: object) -> Any:
        cls: type = type(obj)
        if cls is MappingProxyType:
            return _mapping_proxy, (dict(cast("MappingProxyType[str, object]", obj)),)
        fields = constructor_fields(cls)
        if fields is None:
            return NotImplemented
        if cls in _ARTICLE_CLASSES:
            reference = self._references.get(id(obj))
            if reference is not None:
                return _stored_article, reference
        return cls, fields(obj)


class _PlanUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, resolve: Callable[[str, bytes], Article]) -> None:
        super().__init__(file)
        self._resolve = resolve

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == _stored_article.__name__:
            return self._resolve
        return super().find_class(module, name)
