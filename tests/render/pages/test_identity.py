"""The site's icon and manifest: written at the root, linked from every page with a path that resolves."""

from __future__ import annotations

import json
import marshal
import posixpath
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from kiku.build import render_site
from kiku.render.writing.other_files import identity
from kiku.render.writing.other_files.identity import IDENTITY_URLS, favicon_svg, write_identity_files
from tests.support.sample_site import REPO_ROOT, sample_site

ICON_LINKS = {
    ("icon", "image/svg+xml"): "favicon.svg",
    ("icon", None): "favicon.ico",
    ("apple-touch-icon", None): "apple-touch-icon.png",
    ("manifest", None): "manifest.webmanifest",
}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("identity") / "_site"
    render_site(sample_site(per_page=1), REPO_ROOT, out)
    return out


def test_every_page_links_the_icons_and_the_manifest_relative_to_itself(out_dir: Path) -> None:
    pages = sorted(out_dir.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        relative = page.relative_to(out_dir).as_posix()
        if relative == "404.html":
            continue  # linked from the base path; checked below
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found = {}
        for link in soup.select("head link[rel]"):
            rel = " ".join(link["rel"])
            if rel in ("icon", "apple-touch-icon", "manifest"):
                found[(rel, link.get("type"))] = posixpath.normpath(posixpath.join(posixpath.dirname(relative), str(link["href"])))
        assert found == ICON_LINKS, relative


def test_the_404_page_links_the_icons_from_the_base_path(out_dir: Path) -> None:
    soup = BeautifulSoup((out_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert {str(link["href"]) for link in soup.select('head link[rel="icon"]')} == {
        "/digest/favicon.ico", "/digest/favicon.svg",
    }


def test_favicon_ico_answers_the_browsers_default_request(out_dir: Path) -> None:
    with Image.open(out_dir / "favicon.ico") as icon:
        assert icon.format == "ICO"
        assert icon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    for name, size in (("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512)):
        with Image.open(out_dir / name) as icon:
            assert (icon.format, icon.size) == ("PNG", (size, size)), name
            assert icon.getpixel((0, 0))[3] == 0  # transparent outside the disc
            assert icon.getpixel((size // 2, size // 2))[3] == 255


def test_the_svg_icon_is_the_chrysanthemum(out_dir: Path) -> None:
    svg = ElementTree.fromstring((out_dir / "favicon.svg").read_text(encoding="utf-8"))
    namespace = "{http://www.w3.org/2000/svg}"
    assert svg.findtext(f"{namespace}title") == "菊"
    assert len(svg.findall(f".//{namespace}ellipse")) == 12
    assert (out_dir / "favicon.svg").read_text(encoding="utf-8") == favicon_svg()


def test_the_manifest_names_the_site_and_its_icons(out_dir: Path) -> None:
    manifest = json.loads((out_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "菊 Chrysanthemum Digest"
    assert manifest["short_name"] == "Chrysanthemum Digest"
    assert manifest["lang"] == "ja"
    assert manifest["start_url"] == "./index.html"
    for icon in manifest["icons"]:
        assert (out_dir / icon["src"]).is_file(), icon


@pytest.mark.parametrize("damage", ["none", "truncated", "foreign", "another key"])
def test_kept_icons_are_the_drawn_icons_and_a_damaged_keeping_is_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    config = sample_site().config
    write_identity_files(config, tmp_path / "drawn")
    cache = tmp_path / "cache"
    cache.mkdir()
    write_identity_files(config, tmp_path / "first", cache)
    kept = cache / "icons.marshal"
    if damage == "truncated":
        kept.write_bytes(kept.read_bytes()[:100])
    elif damage == "foreign":
        kept.write_bytes(marshal.dumps((b"0" * 16, {"favicon.svg": "not bytes"})))
    elif damage == "another key":
        _, icons = marshal.loads(kept.read_bytes())
        kept.write_bytes(marshal.dumps((bytes(16), {url: b"stale" for url in icons})))
    draws: list[int] = []
    real_icon_image = identity.icon_image

    def counting(size: int) -> Image.Image:
        draws.append(size)
        return real_icon_image(size)

    monkeypatch.setattr(identity, "icon_image", counting)
    write_identity_files(config, tmp_path / "second", cache)
    assert bool(draws) == (damage != "none")
    for name in IDENTITY_URLS:
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "drawn" / name).read_bytes(), name
