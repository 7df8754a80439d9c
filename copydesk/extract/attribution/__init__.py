"""Quotations, their speakers and the agencies a story credits."""
