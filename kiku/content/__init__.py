"""The content format: the immutable article model, YAML loading with validation, YAML writing.

``document`` parses one file into positioned nodes, ``fields`` reads typed values out of them,
``links`` and ``tags`` hold the URL and tag rules, ``config`` loads ``site.yaml``, ``article`` one
article file, ``site`` the whole site, and ``writer`` turns an article back into YAML.
"""

from kiku.content.article import load_article
from kiku.content.config import load_config
from kiku.content.links import is_http_url
from kiku.content.site import load_site
from kiku.content.writer import dump_article

__all__ = ["dump_article", "is_http_url", "load_article", "load_config", "load_site"]
