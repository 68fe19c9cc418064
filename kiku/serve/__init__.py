"""``kiku serve``: the preview server with live reload and incremental rebuilds.

``output`` writes the preview folder atomically; ``templates`` follows extends/include/import;
``content`` re-reads only changed YAML files; ``incremental`` decides what a change re-renders;
``watch`` turns file-system events into rebuilds; ``server`` serves the folder, speaks the
livereload protocol and shows build errors; ``errorpage`` formats them.
"""
