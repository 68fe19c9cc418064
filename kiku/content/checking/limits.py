"""``limits`` in ``site.yaml``: how large a file and a text kiku accepts before it parses them.

Generous for real pages (a seed article is about 12 KB, a saved news page a few MB) and small
enough that a hostile or broken file is refused in one line instead of exhausting the machine.
``site.yaml`` itself and templates have fixed limits: they are read before the limits are known.
"""

from __future__ import annotations

from yaml.nodes import Node

from kiku.content.checking.fields import Reader
from kiku.content.model import Limits
from kiku.content.reading.document import is_null
from kiku.content.reading.files import MEGABYTE, SizeLimit

LIMIT_FIELDS = ("content_file_mb", "import_page_mb", "text_field_chars")

SITE_YAML_LIMIT = SizeLimit(MEGABYTE, "the fixed limit for site.yaml")
TEMPLATE_LIMIT = SizeLimit(5 * MEGABYTE, "the fixed limit for a template")


def content_file_limit(limits: Limits) -> SizeLimit:
    """The size limit of one ``content/*.yaml`` file."""
    return SizeLimit(limits.content_file_mb * MEGABYTE, "limits.content_file_mb in site.yaml")


def import_page_limit(limits: Limits) -> SizeLimit:
    """The size limit of one page given to ``kiku import``."""
    return SizeLimit(limits.import_page_mb * MEGABYTE, "limits.import_page_mb in site.yaml")


def read_limits(reader: Reader, node: Node | None) -> Limits:
    """The ``limits`` mapping of site.yaml (every key optional), defaults for what it leaves out."""
    defaults = Limits()
    if node is None or is_null(node):
        return defaults
    fields = reader.fields(node, "limits", LIMIT_FIELDS)
    if fields is None:
        return defaults
    return Limits(
        content_file_mb=reader.positive_int(fields, "content_file_mb", default=defaults.content_file_mb),
        import_page_mb=reader.positive_int(fields, "import_page_mb", default=defaults.import_page_mb),
        text_field_chars=reader.positive_int(fields, "text_field_chars", default=defaults.text_field_chars),
    )



