#!/usr/bin/env python3
"""Thin entry: ``python build.py …`` is the same CLI as ``kiku …``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kiku.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
