"""copydesk: a pre-ingestion gate for scraped news text."""

__version__ = "0.1.0"
