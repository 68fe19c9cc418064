"""Page fingerprints: a hash of what a page is made of (see kiku/render/writing/memo/pagememo.py)."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import operator
import pickle
import types
from collections.abc import Callable, Mapping
from typing import Any

from kiku.render.pages.builder import LazyContext, PageBuilder
from kiku.render.planning.plan import Page


class Fingerprints:
    """How one build fingerprints its pages (see the module docstring).

    With ``stand_ins`` (``kiku.render.planning.plan.Plan``), an article and each view made of it
    alone are hashed as the article's content key instead of field by field: the key stands for
    the file it was loaded from, and the configuration (``config``, which the views are also made
    of) is hashed into every fingerprint.
    """

    def __init__(
        self, salt: bytes, config: object = None, stand_ins: Mapping[int, tuple[object, bytes]] | None = None
    ) -> None:
        self.salt = salt
        self._config = hashlib.blake2b(pickle.dumps(config, protocol=pickle.HIGHEST_PROTOCOL)).digest()
        self._stand_ins: Mapping[int, tuple[object, bytes]] = stand_ins or {}
        self._kinds = frozenset(type(held) for held, _ in self._stand_ins.values())

    def of(self, page: Page) -> bytes | None:
        """The hash of ``page``'s template and context, or None when the context does not pickle.

        A context made when first read (``LazyContext``) is a function of its maker and inputs:
        those are hashed instead, so an unchanged page's context is never made.
        """
        context = page.context
        payload: tuple[object, ...]
        if isinstance(context, LazyContext):
            payload = (self._config, page.template, context.make, context.builder, context.inputs)
        else:
            payload = (self._config, page.template, dict(context))
        buffer = io.BytesIO()
        try:
            _ValuePickler(buffer, self._stand_ins, self._kinds).dump(payload)
        except (TypeError, AttributeError, ValueError, pickle.PicklingError):
            return None
        return hashlib.blake2b(buffer.getbuffer(), key=self.salt, digest_size=16).digest()


_PLAIN = frozenset({str, int, bytes, tuple, list, dict, bool, float, type(None)})


class _ValuePickler(pickle.Pickler):
    """Pickles values, not objects: the bytes depend on the values only, not on which equal values
    happen to be one object (fresh from YAML or from the article cache), so there is no memo.

    A dataclass is written as its class's name and its fields' values, a function as its name, a
    builder as its identity, an object with a stand-in as that: as persistent ids, which name no
    class (pickle would import each class's module again for every object written: ~20× slower).
    """

    def __init__(
        self, buffer: io.BytesIO, stand_ins: Mapping[int, tuple[object, bytes]], kinds: frozenset[type]
    ) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self.fast = True
        self._stand_ins = stand_ins
        self._kinds = kinds

    def persistent_id(self, value: object) -> object:
        cls: type = type(value)
        if cls in _PLAIN:
            return None
        if cls in self._kinds:
            held = self._stand_ins.get(id(value))
            if held is not None and held[0] is value:
                return _name_of(cls), held[1]
        fields = _field_getter(cls)
        if fields is not None:
            return _name_of(cls), fields(value)
        if isinstance(value, types.FunctionType):
            return "function", value.__module__, value.__qualname__
        if isinstance(value, PageBuilder):
            return "builder", value.identity()
        return None  # pickled the ordinary way


@functools.cache
def _name_of(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


@functools.cache
def _field_getter(cls: type) -> Callable[[Any], tuple[object, ...]] | None:
    """A C-level getter of a dataclass's field values, as a tuple; None for any other class."""
    if not dataclasses.is_dataclass(cls):
        return None
    names = [field.name for field in dataclasses.fields(cls)]
    if len(names) == 1:
        single = operator.attrgetter(names[0])
        return lambda value: (single(value),)
    return operator.attrgetter(*names)
