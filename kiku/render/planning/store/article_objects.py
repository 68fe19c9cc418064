"""Which objects the plan store (:mod:`kiku.render.planning.store.plan_pickle`) writes as
references into the article cache: every article a build holds and every dataclass inside it,
each named by its article's reference and the path from the article to it."""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Iterable

from kiku.content import model
from kiku.content.model import Article

Reference = tuple[str, bytes]  # an article by its content file name and key in the article cache
Path = tuple[str | int, ...]  # from an article to an object inside it: field names and tuple indexes
Stored = tuple[str, bytes, Path]  # what an object of an article is pickled as


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
        kinds: set[type] = set()
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
                kinds.add(kind)
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
        self.kinds = frozenset(kinds)  # the classes of the objects held: no other is looked up

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
