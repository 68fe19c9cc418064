"""kiku (菊): the Chrysanthemum Digest generator.

The package is the pipeline: ``importer`` (scraped page → article), ``content`` (the YAML
format, the immutable model, validation), ``render`` (page plan, Jinja2, Markdown), ``build``
(load → plan → render → write), ``cli``.
"""

__version__ = "0.1.0"
