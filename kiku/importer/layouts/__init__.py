"""The layouts: a digest page (``digest``, read by ``kiku.importer.grammar``), whether each of its
source cards is an ad (``ads``), and an encyclopedia mirror (``encyclopedia``); ``labels`` holds the
digest family's labels the readers and the cleaning share."""
