"""``site.yaml``: the site settings and the bilingual tag vocabulary, validated into a SiteConfig."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node, ScalarNode

from kiku.content.checking.fields import Fields, Reader
from kiku.content.checking.limits import SITE_YAML_LIMIT, read_limits
from kiku.content.checking.links import is_http_url
from kiku.content.checking.tags import TAG_KEY
from kiku.content.model import SiteConfig, Tag
from kiku.content.reading.document import Problems, compose, describe, is_null, read_file
from kiku.errors import ContentError, ContentErrors

CONFIG_FILE = "site.yaml"

_CONFIG_FIELDS = (
    "title", "title_en", "description", "base_url", "cname", "language", "per_page", "card_font", "tags", "limits",
)
_TAG_FIELDS = ("ja", "en", "terms")
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# A DNS host name as GitHub Pages takes it in CNAME: dot-separated labels of letters, digits and
# inner hyphens, at least two labels, nothing else (no scheme, port, path or trailing dot).
_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = re.compile(rf"{_HOST_LABEL}(?:\.{_HOST_LABEL})+")


def load_config(site_root: Path) -> SiteConfig:
    """Read and validate ``site_root/site.yaml``; raise ContentErrors with every problem in it."""
    config, errors = read_config(site_root)
    if config is None:
        raise ContentErrors(errors)
    return config


def read_config(site_root: Path) -> tuple[SiteConfig | None, list[ContentError]]:
    """``site.yaml`` as a SiteConfig, or None and the problems (sorted by position)."""
    problems = Problems(CONFIG_FILE)
    text = read_file(site_root / CONFIG_FILE, problems, limit=SITE_YAML_LIMIT, site_root=site_root)
    config = parse_config(text, problems, site_root) if text is not None else None
    return (config if not problems.errors else None), problems.in_document_order()


def parse_config(text: str, problems: Problems, site_root: Path | None = None) -> SiteConfig | None:
    """Validate the text of a ``site.yaml``, recording problems; None when there were any.

    ``card_font`` is resolved against ``site_root`` (the current folder when None) and must be a
    font file Pillow can read.
    """
    root = compose(text, problems)
    if root is None:
        return None
    reader = Reader(problems)
    fields = reader.fields(root, "", _CONFIG_FIELDS, required=("title", "base_url"))
    if fields is None:
        return None
    title = reader.required_text(fields, "title")
    base_url = reader.required_url(fields, "base_url")
    if is_http_url(base_url):
        if "?" in base_url or "#" in base_url:
            problems.add(fields.values["base_url"], "base_url", "must not have a query or a fragment")
        else:
            base_url = normalise_base_url(base_url)
    cname = reader.text(fields, "cname")
    if cname is not None:
        problem = cname_problem(cname, base_url)
        if problem:
            problems.add(fields.values["cname"], "cname", problem)
    language = reader.text(fields, "language") or "ja"
    if not _LANGUAGE_CODE.fullmatch(language):
        problems.add(
            fields.values["language"],
            "language",
            f"expected a language code such as 'ja' or 'en-US', got {language!r}",
        )
    config = SiteConfig(
        title=title,
        base_url=base_url,
        tags=_read_tag_vocabulary(reader, fields.values.get("tags")),
        title_en=reader.text(fields, "title_en"),
        description=reader.text(fields, "description"),
        language=language,
        per_page=reader.positive_int(fields, "per_page", default=10),
        cname=cname,
        limits=read_limits(reader, fields.values.get("limits")),
        card_font=_card_font(reader, fields, site_root or Path()),
    )
    return None if problems.errors else config


def _card_font(reader: Reader, fields: Fields, site_root: Path) -> Path | None:
    """``card_font``: a font file for the share cards, relative to the site's folder."""
    from kiku.render.sharecards.fonts import font_problem  # Pillow loads only when a site names a font

    name = reader.text(fields, "card_font")
    if name is None:
        return None
    path = (site_root / name).resolve()
    problem = font_problem(path)
    if problem is not None:
        reader.problems.add(fields.values["card_font"], "card_font", problem)
        return None
    return path


def normalise_base_url(base_url: str) -> str:
    """``base_url`` ending with ``/`` (page URLs are joined onto it)."""
    return base_url if base_url.endswith("/") else base_url + "/"


def base_url_problem(base_url: str) -> str | None:
    """Why ``base_url`` cannot be a site's base URL, or None when it can (the rule of ``base_url``)."""
    if not is_http_url(base_url):
        return f"not an http(s) URL: {base_url!r}"
    if "?" in base_url or "#" in base_url:
        return "must not have a query or a fragment"
    return None


def cname_problem(cname: str, base_url: str) -> str | None:
    """Why ``cname`` cannot be written to CNAME for a site at ``base_url``, or None when it can."""
    if not _HOST_NAME.fullmatch(cname) or len(cname) > 253:
        return f"expected a host name such as 'digest.example.com' (no scheme, no path), got {cname!r}"
    host = urlsplit(base_url).hostname
    if host is not None and host != cname.lower():
        return (
            f"{cname!r} is not the host of base_url {base_url!r}:"
            " GitHub Pages serves the site at the cname, so base_url must use it"
        )
    return None


def _read_tag_vocabulary(reader: Reader, node: Node | None) -> dict[str, Tag]:
    """``tags``: key → {ja, en, terms}, in file order."""
    vocabulary: dict[str, Tag] = {}
    if node is None or is_null(node):
        return vocabulary
    if not isinstance(node, MappingNode):
        reader.problems.add(node, "tags", f"expected a mapping of tag keys, got {describe(node)}")
        return vocabulary
    first_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            reader.problems.add(key_node, "tags", f"tag keys must be text, got {describe(key_node)}")
            continue
        key = str(key_node.value)
        path = f"tags.{key}"
        if key in first_lines:
            reader.problems.add(key_node, path, f"duplicate tag key (first given at line {first_lines[key]})")
            continue
        first_lines[key] = key_node.start_mark.line + 1
        if not TAG_KEY.fullmatch(key):
            reader.problems.add(key_node, path, "tag key must be lowercase ASCII words joined by '-'")
        fields = reader.fields(value_node, path, _TAG_FIELDS, required=("ja", "en"))
        if fields is not None:
            vocabulary[key] = Tag(
                key=key,
                ja=reader.required_text(fields, "ja"),
                en=reader.required_text(fields, "en"),
                terms=reader.text_list(fields, "terms"),
            )
    return vocabulary
