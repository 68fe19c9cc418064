"""How the plan store (:mod:`kiku.render.planning.store.plan_store`) pickles a planner: read-only mappings
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
import typing
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, cast

from kiku.content import model
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


def dump(value: object, write: Callable[[bytes], object], stored: Mapping[int, Stored] | StoredObjects) -> None:
    """Pickle ``value`` through ``write`` (see the module docstring), each object of ``stored`` (by
    its id: ``stored_objects``) as its reference. ``loads`` reads it."""
    _PlanPickler(_Writer(write), stored).dump(value)


class StoredObjects:
    """Every article of some articles and every dataclass inside it, by id, with the reference it is
    pickled as (``get``: the article's, and the path to it).

    Each object's place is one number (its article's and its path's, the paths kept once): a
    reference tuple and a path tuple for every object inside every article were a sixth of what
    the process storing a planner added to the build's (2026-11-30); a reference is made only for
    the few objects the planner holds (articles, cited source cards)."""

    def __init__(self, articles: Iterable[tuple[Article, Reference]]) -> None:
        self._references: list[Reference] = []
        self._paths: list[Path] = []
        path_numbers: dict[Path, int] = {}
        places: dict[int, int] = {}
        for number, (article, reference) in enumerate(articles):
            self._references.append(reference)
            pending: list[tuple[object, Path]] = [(article, ())]
            while pending:
                value, path = pending.pop()
                path_number = path_numbers.get(path)
                if path_number is None:
                    path_number = path_numbers[path] = len(self._paths)
                    self._paths.append(path)
                places[id(value)] = number << _PATH_BITS | path_number
                kind: type = type(value)
                for name, many in _model_fields(kind):
                    field = getattr(value, name)
                    if not many:
                        if field is not None:
                            pending.append((field, (*path, name)))
                    else:
                        pending.extend((item, (*path, name, index)) for index, item in enumerate(field))
        if len(self._paths) > 1 << _PATH_BITS:
            raise ValueError(f"{len(self._paths)} paths inside articles: more than a place can name")
        self._places = places

    def get(self, identity: int) -> Stored | None:
        place = self._places.get(identity)
        if place is None:
            return None
        file_name, key = self._references[place >> _PATH_BITS]
        return file_name, key, self._paths[place & _PATH_MASK]


_PATH_BITS = 24
_PATH_MASK = (1 << _PATH_BITS) - 1


def stored_objects(articles: Iterable[tuple[Article, Reference]]) -> StoredObjects:
    """Every article of ``articles`` and every dataclass inside it, by id, as the reference it is
    pickled as (the article's, and the path to it)."""
    return StoredObjects(articles)


@functools.cache
def _model_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """The fields of a content-model class that hold content-model objects: each name, and whether
    it holds a tuple of them (only these are walked: a tenth of the fields)."""
    if not _is_model(cls):
        return ()
    found = []
    for name, hint in typing.get_type_hints(cls).items():
        held = [argument for argument in typing.get_args(hint) if argument is not Ellipsis] or [hint]
        if all(_is_model(kind) for kind in held if kind is not type(None)):
            found.append((name, typing.get_origin(hint) is tuple))
    return tuple(found)


def _is_model(kind: object) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind) and kind.__module__ == model.__name__


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
    def __init__(self, file: _Writer, stored: Mapping[int, Stored] | StoredObjects) -> None:
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
