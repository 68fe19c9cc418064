"""Page fingerprints (kiku.render.writing.memo.pagememo): a page is rendered again exactly when what it
is made of changed — its values, not which objects hold them."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

from kiku.content.loading.loader import load_site
from kiku.render.pages.builder import Page, PageBuilder
from kiku.render.views.page import SiteView
from kiku.render.writing.memo.fingerprints import Fingerprints
from tests.support.paths import REPO

SALT = b"s" * 32


@dataclasses.dataclass(frozen=True, slots=True)
class _Entry:
    title: str
    count: int


def _page(**context: object) -> Page:
    return Page("x/", "list.html", MappingProxyType(context))


def test_equal_values_held_by_other_objects_give_the_same_fingerprint() -> None:
    title = "".join(["ウクライナ", "停戦"])
    shared = _page(entries=(_Entry(title, 1), _Entry(title, 1)))
    copied = _page(entries=(_Entry("".join(["ウクライナ", "停戦"]), 1), _Entry("ウクライナ停戦", 1)))
    fingerprints = Fingerprints(SALT)
    assert fingerprints.of(shared) == fingerprints.of(copied) is not None
    assert fingerprints.of(_page(entries=(_Entry(title, 1), _Entry(title, 2)))) != fingerprints.of(shared)
    assert Fingerprints(b"t" * 32).of(shared) != fingerprints.of(shared)  # templates or kiku changed
    assert Fingerprints(SALT, config="other").of(shared) != fingerprints.of(shared)


def test_a_context_that_does_not_pickle_has_no_fingerprint() -> None:
    assert Fingerprints(SALT).of(_page(inner=MappingProxyType({"a": 1}))) is None


def test_a_stand_in_replaces_only_the_very_object_it_was_given_for() -> None:
    entry = _Entry("見出し", 1)
    twin = _Entry("見出し", 1)
    keyed = Fingerprints(SALT, stand_ins={id(entry): (entry, b"key-1")})
    rekeyed = Fingerprints(SALT, stand_ins={id(entry): (entry, b"key-2")})
    plain = Fingerprints(SALT)
    assert keyed.of(_page(entry=entry)) != rekeyed.of(_page(entry=entry))  # the key is what is hashed
    assert keyed.of(_page(entry=twin)) == plain.of(_page(entry=twin))  # an equal other object: by its fields
    assert keyed.of(_page(entry=entry)) != plain.of(_page(entry=entry))


def _never_made(builder: PageBuilder, title: str) -> Mapping[str, object]:
    raise AssertionError("a fingerprint must not make the context")


def _made(builder: PageBuilder, title: str) -> Mapping[str, object]:
    return builder.context("x/", title)


def test_a_lazy_page_is_fingerprinted_by_its_inputs_without_making_its_context() -> None:
    config = load_site(REPO).config
    builder = PageBuilder(config, SiteView.build(config))
    other_builder = PageBuilder(config, SiteView.build(config))
    fingerprints = Fingerprints(SALT, config)
    page = builder.lazy_page("x/", "list.html", _never_made, "見出し", in_sitemap=False)
    assert fingerprints.of(page) == fingerprints.of(other_builder.lazy_page("x/", "list.html", _never_made, "見出し"))
    assert fingerprints.of(page) != fingerprints.of(builder.lazy_page("x/", "list.html", _never_made, "別の見出し"))
    assert fingerprints.of(page) != fingerprints.of(builder.lazy_page("x/", "list.html", _made, "見出し"))
    cards = PageBuilder(config, SiteView.build(config), share_cards=True)
    assert fingerprints.of(page) != fingerprints.of(cards.lazy_page("x/", "list.html", _never_made, "見出し"))
    made = builder.lazy_page("x/", "list.html", _made, "見出し")
    assert made.context["page_title"] == "見出し"
