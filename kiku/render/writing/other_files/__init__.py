"""The files of the output that are not pages: their records in the memo, and the site icon."""
