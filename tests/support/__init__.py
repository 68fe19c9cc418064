"""Helpers the tests share: sample sites, the import corpus and its audit, processes, paths."""
