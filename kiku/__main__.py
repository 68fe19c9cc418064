import sys

from kiku.cli import main

sys.exit(main(sys.argv[1:]))
