"""One module per check. Each exposes small pure functions the pipeline composes."""
