"""Who said it: direct quotations, their speakers, and the agencies a story credits."""
