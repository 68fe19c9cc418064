"""The Jinja2 environment pages are rendered with."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, TemplateNotFound, select_autoescape
from jinja2.loaders import split_template_path

from kiku.content.checking.limits import TEMPLATE_LIMIT
from kiku.content.reading.files import UnreadableFile, read_regular_file
from kiku.errors import KikuError
from kiku.render.text.markdown import render_block, render_inline
from kiku.render.text.phrases import phrase_markup
from kiku.render.writing.templating.compact import CompactIndentation
from kiku.render.writing.templating.fragments import Fragments
from kiku.render.writing.templating.macro_calls import DirectCallGenerator


class TemplateRefused(KikuError):
    """A template that is a link out of the site, not a regular file, or too large."""


class SiteTemplateLoader(FileSystemLoader):
    """Templates from ``templates/``, read as every site file is (``kiku.content.reading.files``): a link
    leading outside the site, a FIFO or a device is refused instead of being read."""

    def __init__(self, templates_dir: Path) -> None:
        super().__init__(templates_dir)
        self._templates_dir = templates_dir
        self._site_root = templates_dir.parent

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self._templates_dir.joinpath(*split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        try:
            contents = read_regular_file(path, TEMPLATE_LIMIT, self._site_root).decode("utf-8")
        except UnreadableFile as refused:
            raise TemplateRefused(f"templates/{template}: {refused}") from None
        except UnicodeDecodeError as error:
            raise TemplateRefused(f"templates/{template}: not valid UTF-8 (byte {error.start})") from None
        mtime = os.path.getmtime(path)

        def uptodate() -> bool:
            try:
                return os.path.getmtime(path) == mtime
            except OSError:
                return False

        return contents, str(path), uptodate


def make_environment(templates_dir: Path, code_cache: BytecodeCache | None = None) -> Environment:
    """A Jinja2 environment over ``templates_dir``.

    Every template is autoescaped (HTML and XML alike) but ``*.txt`` ones (robots.txt holds
    no content text), and a missing variable is an error (``StrictUndefined``).
    The filters ``markdown`` (block) and ``markdown_inline`` (both take ``phrased=true``) and
    ``phrases`` (plain text, escaped, with ``<wbr>`` between phrases) are the only way a template
    turns text into HTML; ``fragment`` reuses a macro's output (kiku/render/writing/templating/fragments.py).
    The templates' own indentation is left out of HTML and XML pages (kiku/render/writing/templating/compact.py),
    a value that is already markup is output without a copy (kiku/render/writing/templating/escaping.py),
    and a macro is called without Jinja's general call machinery (kiku/render/writing/templating/macro_calls.py).
    Jinja's default globals (``range``, ``namespace``, ``cycler``, …) are
    removed: templates lay out what the page plan prepared, they do not compute.
    ``code_cache``: where compiled templates are kept between builds (kiku/render/writing/templating/template_cache.py).
    """
    environment = Environment(
        loader=SiteTemplateLoader(templates_dir),
        autoescape=select_autoescape(disabled_extensions=("txt",), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=[CompactIndentation],
        bytecode_cache=code_cache,
    )
    environment.code_generator_class = DirectCallGenerator
    environment.globals.clear()
    environment.filters["markdown"] = render_block
    environment.filters["markdown_inline"] = render_inline
    environment.filters["phrases"] = phrase_markup
    environment.filters["fragment"] = Fragments(environment)
    return environment


def forget_fragments(environment: Environment) -> None:
    """Let go of what ``environment`` kept to render more pages (a build process once its pages
    are written): the fragments and the phrase markup of titles. The phrases themselves stay: the
    share cards drawn next cut the same titles."""
    fragments = environment.filters.get("fragment")
    if isinstance(fragments, Fragments):
        fragments.clear()
    phrase_markup.cache_clear()
