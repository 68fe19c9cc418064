"""The digest layout: a page read by the family's grammar (``reading``), its lines mended first
(``line_repairs``), its sections and source cards read into fields (``sections``, ``cards``), with the
page's heading style (``heading_style``) and the voice of its lines (``voice``) as evidence."""
