"""HTML rewrites of class and id names: hashed like a CSS-in-JS build, or dropped."""

from __future__ import annotations

import random
import re

from tests.support.page_variants.markup import TAG, outside_raw

_CLASS = re.compile(r"""(\sclass\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_ID = re.compile(r"""(\sid\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_FRAGMENT = re.compile(r"""(\shref\s*=\s*)(["'])#(.*?)\2""", re.IGNORECASE | re.DOTALL)
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _hashed_name(rng: random.Random) -> str:
    return "sc-" + "".join(rng.choice(_LETTERS) for _ in range(6))


def hash_names(page: str, rng: random.Random) -> str:
    """Every class and id token renamed to an opaque name (the same token to the same name, an
    in-page link to a renamed id follows it)."""
    names: dict[str, str] = {}

    def name_of(token: str) -> str:
        if token not in names:
            names[token] = _hashed_name(rng)
        return names[token]

    def tokens(match: re.Match[str]) -> str:
        renamed = " ".join(name_of(token) for token in match.group(3).split())
        return f"{match.group(1)}{match.group(2)}{renamed}{match.group(2)}"

    def fragment(match: re.Match[str]) -> str:
        target = match.group(3)
        renamed = names.get(target, target)
        return f"{match.group(1)}{match.group(2)}#{renamed}{match.group(2)}"

    def tag(match: re.Match[str]) -> str:
        attributes = _ID.sub(tokens, _CLASS.sub(tokens, match.group(3)))
        return f"<{match.group(1)}{match.group(2)}{attributes}>"

    renamed = outside_raw(page, lambda stretch: TAG.sub(tag, stretch))
    return outside_raw(renamed, lambda stretch: TAG.sub(
        lambda match: f"<{match.group(1)}{match.group(2)}{_FRAGMENT.sub(fragment, match.group(3))}>", stretch))


def drop_classes(page: str, rng: random.Random) -> str:
    """No class attribute anywhere (a site styled by tag and position)."""
    return outside_raw(page, lambda stretch: TAG.sub(
        lambda match: f"<{match.group(1)}{match.group(2)}{_CLASS.sub('', match.group(3))}>", stretch))
