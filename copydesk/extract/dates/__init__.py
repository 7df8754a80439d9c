"""The publication date: candidates, the choice, a missing year, relative expressions."""
