"""Source cards printed in markup: link boxes, field lists, figures and tables."""
