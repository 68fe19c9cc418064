"""Tags: an article's ``tags`` checked against the vocabulary of ``site.yaml``, with suggestions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from kiku.content.checking.fields import Fields, Reader
from kiku.content.model import Tag

TAG_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A tag key becomes a URL (``/tags/<key>/``): lowercase ASCII words joined by ``-``."""

_KNOWN_TAGS_SHOWN = 12


def read_tags(reader: Reader, fields: Fields, vocabulary: Mapping[str, Tag] | None) -> tuple[str, ...]:
    """The ``tags`` field: vocabulary keys, each once. ``vocabulary=None`` skips the vocabulary check
    (used when ``site.yaml`` itself is broken, so that article problems are still reported)."""
    first_paths: dict[str, str] = {}
    for path, node, value in reader.text_items(fields, "tags"):
        if vocabulary is not None and value not in vocabulary:
            reader.problems.add(node, path, unknown_tag_message(value, vocabulary))
        elif value in first_paths:
            reader.problems.add(node, path, f"duplicate tag {value!r} (already at {first_paths[value]})")
        else:
            first_paths[value] = path
    return tuple(first_paths)


def unknown_tag_message(value: str, vocabulary: Mapping[str, Tag]) -> str:
    """``unknown tag 'ukrain' (nearest known: ukraine)``, or the known keys when nothing is close."""
    nearest = nearest_tags(value, vocabulary)
    if nearest:
        return f"unknown tag {value!r} (nearest known: {', '.join(nearest)})"
    if not vocabulary:
        return f"unknown tag {value!r} (site.yaml defines no tags)"
    keys = list(vocabulary)
    shown = ", ".join(keys[:_KNOWN_TAGS_SHOWN]) + ("…" if len(keys) > _KNOWN_TAGS_SHOWN else "")
    return f"unknown tag {value!r} (known tags: {shown})"


def nearest_tags(value: str, vocabulary: Mapping[str, Tag]) -> list[str]:
    """Keys the editor probably meant by ``value``, best first.

    An exact Japanese or English name (``ウクライナ``, ``Ukraine``) or one of a tag's ``terms``
    names its key; otherwise the closest keys and names by spelling (difflib).
    """
    folded = value.strip().casefold()
    exact = [
        key
        for key, tag in vocabulary.items()
        if folded in (key, tag.ja.casefold(), tag.en.casefold()) or value.strip() in tag.terms
    ]
    if exact:
        return exact
    key_by_name: dict[str, str] = {}
    for key, tag in vocabulary.items():
        for name in (key, tag.ja.casefold(), tag.en.casefold()):
            key_by_name.setdefault(name, key)
    close = difflib.get_close_matches(folded, list(key_by_name), n=3, cutoff=0.6)
    return list(dict.fromkeys(key_by_name[name] for name in close))
