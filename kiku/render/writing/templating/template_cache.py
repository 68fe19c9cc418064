"""Compiled templates kept between builds, under ``<site>/.kiku-cache/compiled-templates/``.

Compiling the site's templates (lexing, parsing, generating Python and compiling it) cost an edit
build more than rendering the few pages that changed, in every process that rendered one. Jinja2's
file-system bytecode cache keeps the compiled code of each template, checked against a hash of its
source when loaded; what else shapes the code — kiku's version and the source of ``kiku.render``
(the indentation filter, the code generator, the environment's options) — names the cache's folder,
and the folders of other kiku sources are removed. An entry that does not load into code (truncated,
foreign) is compiled again and replaced; entries are written whole (a temporary file renamed).
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import types
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache

TEMPLATE_CACHE = "compiled-templates"  # in the build cache


class TemplateCodeCache(FileSystemBytecodeCache):
    """Jinja2's file-system bytecode cache in ``folder``, for the renderer fingerprinted ``renderer``."""

    def __init__(self, folder: Path, renderer: str) -> None:
        name = hashlib.blake2b(renderer.encode(), digest_size=12).hexdigest()
        own = folder / name
        own.mkdir(parents=True, exist_ok=True)
        for other in folder.iterdir():  # compiled by another kiku: never loaded again
            if other.name != name:
                with contextlib.suppress(OSError):
                    shutil.rmtree(other) if other.is_dir() else other.unlink()
        super().__init__(str(own), "%s.code")

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, TypeError, EOFError):  # unreadable: compiled again
            bucket.reset()
        if bucket.code is not None and not isinstance(bucket.code, types.CodeType):
            bucket.reset()  # marshalled, but not code

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a cache that cannot be written only makes the next build slower
            super().dump_bytecode(bucket)


def template_cache(cache_dir: Path, renderer: str) -> TemplateCodeCache | None:
    """The template cache of the build cache ``cache_dir``; None when its folder cannot be made."""
    try:
        return TemplateCodeCache(cache_dir / TEMPLATE_CACHE, renderer)
    except OSError:
        return None
