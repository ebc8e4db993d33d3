"""Full-text candidate search: one index of text per candidate, matched by the database.

SQLite (the embedded setup) matches with an FTS5 virtual table, PostgreSQL with
a ``tsvector`` column and a GIN index; :func:`text_match` picks by dialect so
callers build one query for both.
"""

# Imported for its registration: the flush listener that keeps the index in step.
from hirekit.search import sync  # noqa: F401
from hirekit.search.index import (
    index_candidate_text,
    purge_deleted_text,
    refresh_candidate,
    reindex_all,
    remove_candidate,
)
from hirekit.search.matching import text_match

__all__ = [
    "index_candidate_text",
    "purge_deleted_text",
    "refresh_candidate",
    "reindex_all",
    "remove_candidate",
    "text_match",
]
