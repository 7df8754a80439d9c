"""Lines to labels to the clean text: rules, profiles, lines a source repeats, the article region, page structure."""
