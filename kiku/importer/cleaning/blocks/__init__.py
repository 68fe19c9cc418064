"""Blocks of chrome: a block's heading and its entries, a comment thread, blocks a text dump sets off by
rule lines."""
