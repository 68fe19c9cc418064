"""The site's icon (a chrysanthemum, 菊) and its web app manifest.

One geometry draws both the SVG favicon and, with Pillow, the PNG and ICO icons, so they never
drift apart: twelve gold petals round a gold heart on a dark bronze disc, legible at 16 px.
``favicon.ico`` sits at the site root because browsers ask for ``/favicon.ico`` on their own;
the other files are linked from every page's ``<head>``. No font is needed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import marshal
import math
import os
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageDraw

from kiku.content.model import SiteConfig
from kiku.render.planning.urls import (
    APPLE_TOUCH_ICON_URL,
    FAVICON_ICO_URL,
    FAVICON_SVG_URL,
    ICON_192_URL,
    ICON_512_URL,
    MANIFEST_URL,
    home_url,
    page_path,
)

# Every file write_identity_files writes, at the site root.
IDENTITY_URLS = (FAVICON_SVG_URL, FAVICON_ICO_URL, APPLE_TOUCH_ICON_URL, ICON_192_URL, ICON_512_URL, MANIFEST_URL)
_ICON_URLS = IDENTITY_URLS[:-1]
_ICON_CACHE = "icons.marshal"
THEME_COLOR = "#6b4500"  # the site's --accent-strong
BACKGROUND_COLOR = "#fbf8f1"  # the site's --bg
_DISC = THEME_COLOR
_PETAL = "#e2b84e"
_HEART = "#c9982f"
# In a 64-unit square: the disc, then PETALS petals whose centres sit PETAL_DISTANCE from the middle.
_SIZE = 64
_CENTRE = 32.0
_DISC_RADIUS = 31.0
_PETALS = 12
_PETAL_DISTANCE = 16.5
_PETAL_HALF_WIDTH = 5.2
_PETAL_HALF_LENGTH = 11.5
_HEART_RADIUS = 7.0
_SUPERSAMPLE = 4  # draw large, then scale down: Pillow's shapes are not anti-aliased


@dataclass(frozen=True, slots=True)
class IconsView:
    """Where ``<head>`` finds the icons and the manifest (site-relative paths)."""

    ico_path: str
    svg_path: str
    touch_path: str
    manifest_path: str
    theme_color: str

    @classmethod
    def build(cls) -> IconsView:
        return cls(
            ico_path=FAVICON_ICO_URL,
            svg_path=FAVICON_SVG_URL,
            touch_path=APPLE_TOUCH_ICON_URL,
            manifest_path=MANIFEST_URL,
            theme_color=THEME_COLOR,
        )


def favicon_svg() -> str:
    """The icon as SVG text."""
    petals = "".join(
        f'<ellipse cx="{_CENTRE:g}" cy="{_CENTRE - _PETAL_DISTANCE:g}" rx="{_PETAL_HALF_WIDTH:g}"'
        f' ry="{_PETAL_HALF_LENGTH:g}" transform="rotate({360 * number / _PETALS:g} {_CENTRE:g} {_CENTRE:g})"/>'
        for number in range(_PETALS)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_SIZE} {_SIZE}">'
        "<title>菊</title>"
        f'<circle cx="{_CENTRE:g}" cy="{_CENTRE:g}" r="{_DISC_RADIUS:g}" fill="{_DISC}"/>'
        f'<g fill="{_PETAL}">{petals}</g>'
        f'<circle cx="{_CENTRE:g}" cy="{_CENTRE:g}" r="{_HEART_RADIUS:g}" fill="{_HEART}"'
        f' stroke="{_DISC}" stroke-width="1.5"/>'
        "</svg>\n"
    )


def icon_image(pixels: int) -> Image.Image:
    """The icon as a ``pixels``-square RGBA image (transparent outside the disc)."""
    scale = pixels * _SUPERSAMPLE / _SIZE
    canvas = Image.new("RGBA", (pixels * _SUPERSAMPLE,) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse(_circle(_CENTRE, _DISC_RADIUS, scale), fill=_DISC)
    for number in range(_PETALS):
        draw.polygon(_petal(2 * math.pi * number / _PETALS, scale), fill=_PETAL)
    draw.ellipse(_circle(_CENTRE, _HEART_RADIUS + 0.75, scale), fill=_DISC)
    draw.ellipse(_circle(_CENTRE, _HEART_RADIUS - 0.75, scale), fill=_HEART)
    return canvas.resize((pixels, pixels), Image.Resampling.LANCZOS)


def manifest_json(config: SiteConfig) -> str:
    """``manifest.webmanifest``: the site's names, colours and icons; paths relative to the manifest."""
    manifest = {
        "name": config.title,
        "short_name": config.title_en or config.title,
        "description": config.description or config.title,
        "lang": config.language,
        "start_url": "./" + page_path(home_url(1)),
        "scope": "./",
        "display": "browser",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": FAVICON_SVG_URL, "sizes": "any", "type": "image/svg+xml"},
            {"src": ICON_192_URL, "sizes": "192x192", "type": "image/png"},
            {"src": ICON_512_URL, "sizes": "512x512", "type": "image/png"},
        ],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def write_identity_files(config: SiteConfig, out_dir: Path, cache_dir: Path | None = None) -> int:
    """Write the icons and the manifest into ``out_dir``; returns the number of files. With a
    ``cache_dir`` the icons are drawn once and kept there (``icons.marshal``) for later builds."""
    files = {
        **_icons(cache_dir),
        MANIFEST_URL: manifest_json(config).encode("utf-8"),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    for url, data in files.items():
        (out_dir / url).write_bytes(data)
    return len(files)


def _icons(cache_dir: Path | None) -> dict[str, bytes]:
    """The icon files' bytes: drawn (a few tenths of a second on every build), or as kept in
    ``cache_dir`` by a build with this very code and Pillow; a keeping that does not load is drawn again."""
    key = hashlib.blake2b(f"{PIL.__version__}\0".encode() + Path(__file__).read_bytes(), digest_size=16).digest()
    kept = cache_dir / _ICON_CACHE if cache_dir is not None else None
    if kept is not None:
        try:
            stored = marshal.loads(kept.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            stored = None
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key and isinstance(stored[1], dict):
            icons: dict[str, bytes] = stored[1]
            if set(icons) == set(_ICON_URLS) and all(isinstance(data, bytes) for data in icons.values()):
                return icons
    icons = {
        FAVICON_SVG_URL: favicon_svg().encode("utf-8"),
        FAVICON_ICO_URL: _ico_bytes(),
        APPLE_TOUCH_ICON_URL: _png_bytes(icon_image(180)),
        ICON_192_URL: _png_bytes(icon_image(192)),
        ICON_512_URL: _png_bytes(icon_image(512)),
    }
    if kept is not None:
        temporary = kept.with_name(f".{_ICON_CACHE}.{os.getpid()}.tmp")
        try:
            temporary.write_bytes(marshal.dumps((key, icons)))
            os.replace(temporary, kept)
        except OSError:  # a cache that cannot be written only makes the next build slower
            with contextlib.suppress(OSError):
                temporary.unlink()
    return icons


def _png_bytes(image: Image.Image) -> bytes:
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def _ico_bytes() -> bytes:
    output = io.BytesIO()
    icon_image(64).save(output, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return output.getvalue()


def _circle(centre: float, radius: float, scale: float) -> tuple[float, float, float, float]:
    return ((centre - radius) * scale, (centre - radius) * scale, (centre + radius) * scale, (centre + radius) * scale)


def _petal(angle: float, scale: float, steps: int = 48) -> list[tuple[float, float]]:
    """An ellipse's outline, turned by ``angle`` about the middle (0 = pointing up, as in the SVG)."""
    points = []
    for step in range(steps):
        t = 2 * math.pi * step / steps
        x = _PETAL_HALF_WIDTH * math.cos(t)
        y = -_PETAL_DISTANCE + _PETAL_HALF_LENGTH * math.sin(t)
        turned_x = x * math.cos(angle) - y * math.sin(angle)
        turned_y = x * math.sin(angle) + y * math.cos(angle)
        points.append(((_CENTRE + turned_x) * scale, (_CENTRE + turned_y) * scale))
    return points
