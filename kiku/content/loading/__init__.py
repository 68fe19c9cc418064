"""Loading a site: the entry points the build, the CLI and the importer call, and the publishing schedule."""
