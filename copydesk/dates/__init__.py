"""Publication dates: candidates in the text, the choice among them, and the year when it is missing."""
