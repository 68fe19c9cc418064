"""kiku.records.quick_init: a frozen dataclass made by it is the object its own __init__ makes."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest

from kiku.content import model
from kiku.records import quick_init
from kiku.render.views import article, browse, feeds, listing, metadata, page


@dataclass(frozen=True, slots=True)
class Plain:
    title: str
    tags: tuple[str, ...]
    lead: str | None = None
    count: int = 3


@quick_init
@dataclass(frozen=True, slots=True)
class Quick:
    title: str
    tags: tuple[str, ...]
    lead: str | None = None
    count: int = 3


@quick_init
@dataclass(frozen=True, slots=True)
class QuickChild(Quick):
    extra: str = "x"


def _values(value: object) -> dict[str, object]:
    return {item.name: getattr(value, item.name) for item in dataclasses.fields(value)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(("t", ("a",)), {}), (("t", ()), {"count": 7}), ((), {"title": "t", "tags": (), "lead": "l"}), (("t", (), "l", 0), {})],
)
def test_same_fields_as_the_dataclass_init(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    assert _values(Quick(*args, **kwargs)) == _values(Plain(*args, **kwargs))  # type: ignore[arg-type]


def test_still_frozen_comparable_replaceable_and_picklable() -> None:
    made = Quick("t", ("a", "b"), lead="l")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.title = "u"  # type: ignore[misc]
    assert made == Quick("t", ("a", "b"), "l", 3) and hash(made) == hash(Quick("t", ("a", "b"), "l"))
    assert dataclasses.replace(made, count=5) == Quick("t", ("a", "b"), "l", 5)
    assert pickle.loads(pickle.dumps(made)) == made
    assert _values(QuickChild("t", (), extra="y")) == {"title": "t", "tags": (), "lead": None, "count": 3, "extra": "y"}


def test_arguments_checked_as_by_the_dataclass_init() -> None:
    with pytest.raises(TypeError):
        Quick("t")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("t", (), nope=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("t", (), "l", 3, 4)  # type: ignore[call-arg]


def test_refuses_an_init_that_does_more() -> None:
    @dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class Factory:
        values: list[int] = field(default_factory=list)

    @dataclass(slots=True)
    class Mutable:
        value: int

    @dataclass(frozen=True)
    class NoSlots:
        value: int

    for cls in (Checked, Factory, Mutable, NoSlots):
        with pytest.raises(TypeError):
            quick_init(cls)


@pytest.mark.parametrize("module", [model, article, browse, feeds, listing, metadata, page], ids=lambda m: m.__name__)
def test_kiku_classes_keep_their_parameters(module: object) -> None:
    """Each class given quick_init takes its fields, in order, with their defaults, as its dataclass did."""
    quick = [cls for cls in vars(module).values() if inspect.isclass(cls)
             and getattr(cls.__init__, "__module__", None) == "kiku.records"]
    assert quick, "no class of the module has quick_init"
    for cls in quick:
        parameters = list(inspect.signature(cls).parameters.values())
        fields = dataclasses.fields(cls)
        assert [p.name for p in parameters] == [f.name for f in fields]
        assert [p.default for p in parameters] == [
            inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
        ]
