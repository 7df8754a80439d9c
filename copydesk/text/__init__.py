"""Text helpers every stage shares: lines with offsets, line shapes, stop-words, month names, the per-line memo."""
