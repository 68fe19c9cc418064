"""Chrome printed in a row: a block's heading and entries on one line, share buttons in a row or one to a
line."""
