"""The Japanese font every share-card test draws with: found on the machine, required under CI."""

from __future__ import annotations

import os

import pytest

from kiku.render.sharecards.fonts import CardFont, find_card_font


@pytest.fixture(scope="module")
def font() -> CardFont:
    found = find_card_font(None)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no Japanese font for share cards under CI=true (apt-get install fonts-noto-cjk)")
        pytest.skip("no Japanese font for share cards (apt-get install fonts-noto-cjk)")
    return found
