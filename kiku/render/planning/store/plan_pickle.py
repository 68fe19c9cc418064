"""How the plan store (:mod:`kiku.render.planning.store.plan_store`) writes a planner: a stream of
pickles, one after another, each with a memo of its own (dropped when it ends), the last one the
planner itself. Read-only mappings are written as their items, every dataclass as its constructor
and field values (as the article cache stores an article), and the articles the article cache
holds, with every dataclass inside them (a section, a source card the planner cites), as
references to its entries (and the path from the article: ``article_objects``).

One pickle of the whole planner memoized every object it wrote (at 10,000 articles some 800,000,
with every temporary tuple of field values kept alive by the memo until the end): the process
storing it grew by 100 MB at 10,000 articles, near 1 GB at 100,000. Here the objects a planner
refers to most (each article's facets, then every page: ``SitePlanner.parts``) are written first,
a few hundred to a pickle, then the planner; an object of kiku's own classes is given a number where
it is first written, and a later pickle names it by that number (``_anchor``), so that what was
one object is one object again when read. Only the objects of a kind the planner makes for one
place alone (``_UNSHARED``) and builtins (text, tuples, dates) are written again where a later
pickle meets them, as copies.

The default pickling of a frozen dataclass with slots reads its fields through ``dataclasses.fields``
for every object, and sets them one by one when loaded: most of the time a store of 10,000 articles took. The
articles were most of its bytes (at 10,000 articles, 64 of 84 MB), each a copy of an entry of the
article cache, which a build reads anyway; an article's source cards, cited from the planner's
pages, were copies too (a third of what was left), and held twice in memory once loaded."""

from __future__ import annotations

import copyreg
import io
import itertools
import pickle
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, cast

from kiku.content.cache.articles import constructor_fields
from kiku.content.model import Article
from kiku.render.pages.builder import LazyContext
from kiku.render.pages.pagination import ListPage
from kiku.render.pages.sources import CitedCard
from kiku.render.planning.lists.outlets import Citation
from kiku.render.planning.store.article_objects import Path, Stored, StoredObjects
from kiku.render.views.listing import PageLinkView, PaginationView


def dumps(value: object) -> bytes:
    """``value`` written as ``dump`` writes it (no articles by reference); ``loads`` reads it."""
    buffer = io.BytesIO()
    dump(value, buffer.write, {})
    return buffer.getvalue()


def dump(value: object, write: Callable[[bytes], object], stored: Mapping[int, Stored] | StoredObjects,
         parts: Iterable[object] = ()) -> None:
    """Write ``parts`` (``_PART_SIZE`` to a pickle), then ``value``, through ``write`` (see the
    module docstring), each object of ``stored`` (by its id: ``stored_objects``) as its reference.
    ``loads`` reads it."""
    written = [0, 0]  # bytes written, and when the memo was last cleared

    def counted(data: bytes) -> None:
        written[0] += len(data)
        write(data)

    pickler = _PlanPickler(_Writer(counted), stored)

    def record(*fields: object) -> None:
        if written[0] - written[1] > _MEMO_BYTES:
            pickler.clear_memo()
            pickler.dump(_FRESH)
            written[1] = written[0]
        pickler.dump(fields)

    remaining = iter(parts)
    while chunk := tuple(itertools.islice(remaining, _PART_SIZE)):
        record(_PART, chunk)
    for item in value if type(value) is tuple else (value,):
        _split(item, pickler, record)
    record(_VALUE, value)


_PART_SIZE = 256  # objects to a pickle: its memo stays small, its classes are named once for many
_PART, _NEW, _SET, _MORE, _STATE, _VALUE = range(6)  # what a pickle of the stream holds (its first field)
# The pickles after one that holds only this name no object written before it by the memo (they
# are read with a new memo). The memo is cleared after each megabyte written: it keeps what it holds
# alive till then (10,000 articles, the storing process at its largest: 38 MiB traced against 55
# clearing it every 4 MB; its pickles share text, so that clearing after each one wrote 5 % more).
_FRESH = -1
_MEMO_BYTES = 1 << 20


def _split(value: object, pickler: _PlanPickler, record: Callable[..., None]) -> None:
    """Write ``value``, an object of kiku's own with a ``__dict__`` (the planner, its lists, its
    related articles…), as a pickle that makes it and one for each of its attributes, the big
    collections among them ``_PART_SIZE`` items to a pickle; each such object held there first."""
    cls: type = type(value)
    if not cls.__module__.startswith(_OWN) or constructor_fields(cls) is not None or pickler.anchored(value) or (
        not _made_by_object(cls)
    ):
        return
    reduced = value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
    if not isinstance(reduced, tuple) or reduced[0] is not _NEWOBJ or reduced[1] != (cls,):
        return
    state = reduced[2] if len(reduced) > 2 else None
    if type(state) is not dict or any(more is not None for more in reduced[3:]):
        return  # slots, or items of its own: written as pickle writes it
    number = pickler.anchor(value)
    record(_NEW, number, cls)
    for name, attribute in state.items():
        _split(attribute, pickler, record)
        kind = type(attribute)
        if kind not in (dict, list, set) or len(attribute) <= _PART_SIZE:
            record(_SET, number, name, attribute)
            continue
        record(_SET, number, name, kind())
        items = iter(attribute.items() if kind is dict else attribute)
        while chunk := tuple(itertools.islice(items, _PART_SIZE)):
            record(_MORE, number, name, chunk)
    if getattr(cls, "__setstate__", None) is not None:
        record(_STATE, number)  # once all is set: what it keeps out of its state made again


class _Writer:
    """What a pickler writes to: anything with a ``write``."""

    def __init__(self, write: Callable[[bytes], object]) -> None:
        self.write = write


def loads(data: bytes, resolve: Callable[[str, bytes], Article] | None = None) -> object:
    """What ``dump`` wrote, each reference made the article ``resolve`` gives for it, or the
    object at its path inside it (``resolve`` raises when there is none: the whole load fails)."""
    def stored(file_name: str, key: bytes, path: Path) -> object:
        if resolve is None:
            raise pickle.UnpicklingError(f"{file_name}: an article reference, read without the article cache")
        value: object = resolve(file_name, key)
        for step in path:
            value = value[step] if isinstance(step, int) else getattr(value, step)  # type: ignore[index]
        return value

    file = io.BytesIO(data)
    anchored: dict[int, object] = {}  # made out of order: an object's fields are made before it
    unpickler = _PlanUnpickler(file, stored, anchored)
    while True:
        record = unpickler.load()
        if record == _FRESH:
            unpickler = _PlanUnpickler(file, stored, anchored)
            continue
        if type(record) is not tuple or not record or record[0] not in _READ:
            raise pickle.UnpicklingError("not a record of a plan")
        if record[0] == _VALUE:
            if file.tell() != len(data):
                raise pickle.UnpicklingError("more after the last pickle of a plan")
            return record[1]
        _READ[record[0]](anchored, *record[1:])


def _new(anchored: dict[int, object], number: int, cls: type) -> None:
    if not cls.__module__.startswith(_OWN):
        raise pickle.UnpicklingError(f"{cls!r}: not kiku's own")
    anchored[number] = object.__new__(cls)


def _set(anchored: dict[int, object], number: int, name: str, value: object) -> None:
    anchored[number].__dict__[name] = value


def _more(anchored: dict[int, object], number: int, name: str, items: tuple[Any, ...]) -> None:
    collection = anchored[number].__dict__[name]
    if isinstance(collection, dict):
        collection.update(items)
    elif isinstance(collection, list):
        collection.extend(items)
    else:
        collection.update(items)


def _state(anchored: dict[int, object], number: int) -> None:
    value = anchored[number]
    state = dict(value.__dict__)
    value.__dict__.clear()
    value.__setstate__(state)  # type: ignore[attr-defined]


def _part(anchored: dict[int, object], objects: tuple[object, ...]) -> None:
    pass  # read for the objects it holds, named by number by the pickles after it


_READ: dict[int, Callable[..., None]] = {
    _PART: _part, _NEW: _new, _SET: _set, _MORE: _more, _STATE: _state, _VALUE: _part,
}


def _mapping_proxy(items: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(items)


def _stored(file_name: str, key: bytes, path: Path) -> object:
    """Where a pickle names an object of an article by its reference; ``loads`` puts its resolver here."""
    raise pickle.UnpicklingError(f"{file_name}: an article reference, read without the article cache")


class _PlanPickler(pickle.Pickler):
    """Pickles one stream of pickles (its memo cleared after each): each object of kiku's own
    classes but ``_UNSHARED`` is given a number where it is first met (``_anchored``), by which a
    later pickle names it (``_anchor``).

    ``reducer_override`` is called for every object but builtins' (at 10,000 articles some 850,000
    times, most of the storing process's time): what a class's objects are pickled as is worked
    out once per class (``_kind``), and only the classes of objects ``stored`` holds are looked up there."""

    def __init__(self, file: _Writer, stored: Mapping[int, Stored] | StoredObjects) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._stored = stored
        self._stored_kinds: frozenset[type] | None = stored.kinds if isinstance(stored, StoredObjects) else None
        self._anchors: dict[int, int] = {}  # an anchored object's id → its number
        self._alive: list[object] = []  # the anchored objects, so that no id is another's while this runs
        self._kinds: dict[type, int] = {}

    def anchored(self, obj: object) -> bool:
        return id(obj) in self._anchors

    def anchor(self, obj: object) -> int:
        """A number for ``obj``: a later pickle names it by that number."""
        number = self._anchors[id(obj)] = len(self._alive)
        self._alive.append(obj)
        return number

    def reducer_override(self, obj: object) -> Any:
        cls: type = type(obj)
        kind = self._kinds.get(cls)
        if kind is None:
            kind = self._kinds[cls] = self._kind(cls)
        if kind == _MADE:
            return cast(_Made, obj).reduced
        if kind == _PROXY:
            return _mapping_proxy, (dict(cast("MappingProxyType[str, object]", obj)),)
        if kind == _FOREIGN:
            return NotImplemented  # pickled the ordinary way (a date, a function, a bound method…)
        identity = id(obj)
        number = self._anchors.get(identity)
        if number is not None:
            return _anchor, (number,)
        if kind & _MAY_BE_STORED:
            stored = self._stored.get(identity)
            if stored is not None:  # read once, named by its number after
                return _anchored, (self.anchor(obj), _Made((_stored, stored)))
        kind &= ~_MAY_BE_STORED
        if kind == _FOREIGN:
            return NotImplemented
        if kind == _UNSHARED_FIELDS:
            return cls, constructor_fields(cls)(obj)  # type: ignore[misc]
        if kind == _FIELDS:
            return _anchored, (self.anchor(obj), _Made((cls, constructor_fields(cls)(obj))))  # type: ignore[misc]
        reduced = obj.__reduce_ex__(pickle.HIGHEST_PROTOCOL)
        if not isinstance(reduced, tuple) or reduced[0] is not _NEWOBJ or reduced[1] != (cls,):
            return NotImplemented
        return (_anchored, (self.anchor(obj), _Made((object.__new__, (cls,)))), *reduced[2:])

    def _kind(self, cls: type) -> int:
        """How objects of ``cls`` are pickled, for ``reducer_override``."""
        if cls is _Made:
            return _MADE
        if cls is MappingProxyType:
            return _PROXY
        may_be_stored = _MAY_BE_STORED if self._stored_kinds is None or cls in self._stored_kinds else 0
        if constructor_fields(cls) is not None:
            return (_UNSHARED_FIELDS if cls in _UNSHARED else _FIELDS) | may_be_stored
        if not cls.__module__.startswith(_OWN) or not _made_by_object(cls):
            # (an object of such a class is never anchored: nor looked up among them)
            return _FOREIGN if not may_be_stored else _FOREIGN_STORED
        return _OWN_OBJECT | may_be_stored


# What ``_PlanPickler._kind`` finds of a class: its objects are ``_Made``, mapping proxies, foreign
# (pickled as pickle does), made from their constructor's fields (given a number or, ``_UNSHARED``,
# not), or kiku's own objects with a state; ``_MAY_BE_STORED`` is set for a class whose objects an
# article holds (first looked up among the stored objects).
_MADE, _PROXY, _FOREIGN, _FIELDS, _UNSHARED_FIELDS, _OWN_OBJECT = range(1, 7)
_MAY_BE_STORED = 8
_FOREIGN_STORED = _FOREIGN | _MAY_BE_STORED


_OWN = "kiku."
def _made_by_object(cls: type) -> bool:
    """Whether ``cls`` makes its objects as ``object`` does (no ``__new__`` of its own)."""
    return getattr(cls, "__new__", None) is object.__new__


_NEWOBJ = copyreg.__newobj__  # type: ignore[attr-defined]  # what pickle makes an object of a class by

# Kinds of which the planner makes one object for one place (a page's pagination, its lazily made
# context, an article's page input, a citation): written where they are met, given no number.
_UNSHARED: frozenset[type] = frozenset({LazyContext, ListPage, PaginationView, PageLinkView, Citation, CitedCard})


def _anchor(number: int) -> object:
    """Where a pickle names an object given a number earlier; ``loads`` puts its resolver here."""
    raise pickle.UnpicklingError(f"object {number}: read by another reader than this module's")


def _anchored(number: int, value: object) -> object:
    """Where a pickle gives the object just made a number; ``loads`` puts its keeper here."""
    raise pickle.UnpicklingError(f"object {number}: read by another reader than this module's")


class _Made:
    """An object to be given a number, as it is made: what pickle makes it by (a class and the
    values its constructor takes, or ``__newobj__`` and the class, its state set after)."""

    __slots__ = ("reduced",)

    def __init__(self, reduced: tuple[object, ...]) -> None:
        self.reduced = reduced


class _PlanUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, stored: Callable[[str, bytes, Path], object],
                 anchored: dict[int, object]) -> None:
        super().__init__(file)
        # Both called by the unpickler itself (C): each object is made as pickle makes any.
        self._own: dict[str, Callable[..., object]] = {
            _stored.__name__: stored, _anchor.__name__: anchored.__getitem__, _anchored.__name__: anchored.setdefault,
        }

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name in self._own:
            return self._own[name]
        return super().find_class(module, name)
