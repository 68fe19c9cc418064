"""The content format: the immutable article model, YAML loading with validation, YAML writing.

The modules, in pipeline order: ``model`` (the frozen dataclasses), ``document`` (one YAML file
→ positioned nodes, and the problem collector), ``fields`` (typed values out of nodes),
``links`` and ``tags`` (the URL and tag rules), ``config`` (``site.yaml``), ``article`` (one
article file), ``loader`` (the public entry points: ``load_site``, ``load_config``,
``load_article``) and ``writer`` (``dump_article``, an article back to YAML).

Nothing is imported here, so that importing ``kiku.content.model`` stays cheap (no YAML, no
Markdown parser).
"""
