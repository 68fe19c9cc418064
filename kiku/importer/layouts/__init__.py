"""The layouts: a digest page (read by ``kiku.importer.grammar``) and an encyclopedia mirror."""
