"""Full-text search and facets over the library (see fulltext.py for how each database indexes it)."""
