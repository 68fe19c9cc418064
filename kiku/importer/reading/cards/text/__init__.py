"""Source cards told by the text of their lines: labelled field lines, the labelled fields every front end
shares, runs of indented paragraphs, a loose block of lines holding one web address."""
