"""Language resources: stop-words per language, found without importing heavy packages."""
