"""Labels to the article record: source, language, dateline, dates, quotes and agencies."""
