"""Full-text candidate search: one index of text per candidate, matched by the database.

SQLite (the embedded setup) matches with an FTS5 virtual table, PostgreSQL with
a GIN-indexed ``tsvector`` per candidate; :func:`text_match` picks by dialect so
callers build one query for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hirekit.search.index import (
    index_candidate_text,
    purge_deleted_text,
    remove_candidate,
)
from hirekit.search.matching import text_match

if TYPE_CHECKING:
    from flask import Flask

__all__ = [
    "index_candidate_text",
    "purge_deleted_text",
    "remove_candidate",
    "text_match",
]


def init_app(app: Flask) -> None:
    """Register this domain: the listeners that keep the index in step."""
    from hirekit.search.subscribers import subscribe

    subscribe()
