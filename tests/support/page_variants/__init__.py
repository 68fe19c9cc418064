"""Meaning-preserving variants of the import fixture pages (a metamorphic harness).

Each mutation rewrites a page the way another site of the family prints the same content
(hashed class names, other bullet glyphs, another date format, an extra chrome block) and
leaves every truth string findable, so the page's ``.truth.yaml`` still scores the variant.
``registry`` names them; ``variant_audit`` imports a variant and scores it with the audit's code.
"""
