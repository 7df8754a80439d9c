"""Report writers: each turns analysed files into one artefact, written atomically."""
