"""How the plan store (:mod:`kiku.render.planning.plan_store`) pickles a planner: read-only mappings
as their items, every dataclass as its constructor and field values (as the article cache stores
an article), and the articles the article cache holds, with every dataclass inside them (a section,
a source card the planner cites), as references to its entries (and the path from the article).
The default pickling of a frozen dataclass with slots reads its fields through ``dataclasses.fields``
for every object, and sets them one by one when loaded: most of the time a store of 10,000 articles took. The
articles were most of its bytes (at 10,000 articles, 64 of 84 MB), each a copy of an entry of the
article cache, which a build reads anyway; an article's source cards, cited from the planner's
pages, were copies too (a third of what was left), and held twice in memory once loaded."""

from __future__ import annotations

import dataclasses
import functools
import io
import pickle
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, cast

from kiku.content.cache.articles import constructor_fields
from kiku.content.model import Article

Reference = tuple[str, bytes]  # an article by its content file name and key in the article cache
Path = tuple[str | int, ...]  # from an article to an object inside it: field names and tuple indexes
Stored = tuple[str, bytes, Path]  # what an object of an article is pickled as


def dumps(value: object) -> bytes:
    """``value`` pickled (see the module docstring); ``pickle.loads`` reads it."""
    buffer = io.BytesIO()
    dump(value, buffer.write, {})
    return buffer.getvalue()


def dump(value: object, write: Callable[[bytes], object], stored: Mapping[int, Stored]) -> None:
    """Pickle ``value`` through ``write`` (see the module docstring), each object of ``stored`` (by
    its id: ``stored_objects``) as its reference. ``loads`` reads it."""
    _PlanPickler(_Writer(write), stored).dump(value)


def stored_objects(articles: Iterable[tuple[Article, Reference]]) -> dict[int, Stored]:
    """Every article of ``articles`` and every dataclass inside it, by id, as the reference it is
    pickled as (the article's, and the path to it)."""
    found: dict[int, Stored] = {}
    for article, (file_name, key) in articles:
        pending: list[tuple[object, Path]] = [(article, ())]
        while pending:
            value, path = pending.pop()
            found[id(value)] = (file_name, key, path)
            for name in _model_fields(value):
                field = getattr(value, name)
                if _model_fields(field):
                    pending.append((field, (*path, name)))
                elif type(field) is tuple:
                    pending.extend((item, (*path, name, index)) for index, item in enumerate(field)
                                   if _model_fields(item))
    return found


def _model_fields(value: object) -> tuple[str, ...]:
    kind: type = type(value)
    return _field_names(kind)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass of the content model, () for any other class."""
    if not dataclasses.is_dataclass(cls) or not cls.__module__.startswith("kiku.content.model"):
        return ()
    return tuple(field.name for field in dataclasses.fields(cls))


class _Writer:
    """What a pickler writes to: anything with a ``write``."""

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self.write = write


def loads(data: bytes, resolve: Callable[[str, bytes], Article]) -> object:
    """What ``dump`` pickled, each reference made the article ``resolve`` gives for it, or the
    object at its path inside it (``resolve`` raises when there is none: the whole load fails)."""
    def stored(file_name: str, key: bytes, path: Path) -> object:
        value: object = resolve(file_name, key)
        for step in path:
            value = value[step] if isinstance(step, int) else getattr(value, step)  # type: ignore[index]
        return value

    return _PlanUnpickler(io.BytesIO(data), stored).load()


def _mapping_proxy(items: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(items)


def _stored(file_name: str, key: bytes, path: Path) -> object:
    """Where a pickle names an object of an article by its reference; ``loads`` puts its resolver here."""
    raise pickle.UnpicklingError(f"{file_name}: an article reference, read without the article cache")


class _PlanPickler(pickle.Pickler):
    def __init__(self, file: _Writer, stored: Mapping[int, Stored]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._stored = stored

    def reducer_override(self, obj: object) -> Any:
        cls: type = type(obj)
        if cls is MappingProxyType:
            return _mapping_proxy, (dict(cast("MappingProxyType[str, object]", obj)),)
        fields = constructor_fields(cls)
        if fields is None:
            return NotImplemented
        stored = self._stored.get(id(obj))
        return (cls, fields(obj)) if stored is None else (_stored, stored)


class _PlanUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, stored: Callable[[str, bytes, Path], object]) -> None:
        super().__init__(file)
        self._stored = stored

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == _stored.__name__:
            return self._stored
        return super().find_class(module, name)
