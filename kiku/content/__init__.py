"""The content format: the immutable article model, YAML loading with validation, YAML writing.

The folders are the pipeline, around ``model`` (the frozen dataclasses every stage reads or makes):
``reading`` (a site's files read safely, one YAML file → positioned nodes, the importer's open
warnings), ``checking`` (typed fields, the URL, tag and size rules, ``site.yaml`` and one article
file → model objects), ``loading`` (the public entry points ``load_site``, ``load_config``,
``load_article``, and which articles are published today), ``cache`` (validated articles and the
content files' keys, kept between builds) and ``writing`` (``dump_article``, an article back to YAML).

Nothing is imported here, so that importing ``kiku.content.model`` stays cheap (no YAML, no
Markdown parser).
"""
