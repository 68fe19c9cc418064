"""The plain-URL fast paths of ``is_http_url`` and ``domain_of`` give what splitting the URL gives:
each is compared with ``urllib.parse.urlsplit`` on crafted URLs and generated ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiku.content.checking.links import is_http_url, split_is_http_url
from kiku.render.planning.urls import domain_of, split_domain_of

_CRAFTED = [
    "https://example.com", "https://example.com/", "HTTPS://WWW.Example.COM/Path?q=1#f", "http://a.b-c.jp?x",
    "https://www.example.com#top", "https://ex.com:443/", "https://ex.com:x/", "https://user@ex.com/",
    "https://[::1]/", "https://[::1/", "https://例え.jp/パス", "https://ex.com\\path", "https:///path",
    "https://", "https:", "ftp://ex.com/", "mailto:a@b.c", "//ex.com/", "javascript:alert(1)", "https//ex.com",
    "h ttps://ex.com/", "https://ex.com\t/", "https://ex\u212aample.com/", "https://ex\u017fample.com/", "a+b://h/",
    "1http://ex.com/", "https://ex.com.", "https://-/", "https://./", "https://ex.com%2F/", "https://ex_ample.com/",
]
_URL_PARTS = st.sampled_from(["http", "https", "HTTP", "ftp", "a+b", ":", "//", "/", "?", "#", "@", "[", "]", ".",
                              "-", "www.", "ex", "EX", "例", "\t", " ", "\u212a", "_", "%", "1", "\\"])


def _domain(url: str) -> str | None:
    try:
        return split_domain_of(url)
    except ValueError:
        return None


@pytest.mark.parametrize("url", _CRAFTED)
def test_crafted_urls_are_read_as_urlsplit_reads_them(url: str) -> None:
    assert is_http_url(url) == split_is_http_url(url)
    expected = _domain(url)
    if expected is None:
        with pytest.raises(ValueError):
            domain_of.__wrapped__(url)
    else:
        assert domain_of.__wrapped__(url) == expected


@settings(max_examples=400, deadline=None)
@given(st.lists(_URL_PARTS, max_size=12).map("".join))
def test_generated_urls_are_read_as_urlsplit_reads_them(url: str) -> None:
    assert is_http_url(url) == split_is_http_url(url)
    expected = _domain(url)
    if expected is not None:
        assert domain_of.__wrapped__(url) == expected


def test_the_fast_paths_take_plain_urls() -> None:
    """The crafted list holds URLs each path takes and URLs it leaves to ``urlsplit``."""
    assert domain_of.__wrapped__("HTTPS://WWW.Example.COM/Path") == "example.com"
    assert is_http_url("https://www.example.com/a?b#c")
    assert not is_http_url("https:///path") and not is_http_url("ftp://ex.com/")
