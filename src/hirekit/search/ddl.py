"""Names of the full-text structures the migration creates outside the models.

They are dialect-specific (an FTS5 virtual table with its shadow tables on
SQLite; a table of one ``tsvector`` per candidate, GIN-indexed and kept by
triggers, on PostgreSQL), so they
cannot be mapped; :mod:`hirekit.search.schema_filter` keeps autogenerate from
proposing to drop them.
"""

from __future__ import annotations

DOCUMENTS_TABLE = "search_documents"
FTS_TABLE = "search_fts"
#: FTS5 keeps its index in these tables beside the virtual one.
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
#: PostgreSQL: every document of a candidate in one ``tsvector`` (column ``tsv``),
#: as SQLite's FTS5 row per candidate; triggers on ``search_documents`` maintain it.
CANDIDATE_TEXT_TABLE = "search_candidate_text"
TSV_COLUMN = "tsv"
#: Literal SQL, no formatting: the table names are fixed by the migration.
FTS_MATCH_ROWIDS = "SELECT rowid FROM search_fts WHERE search_fts MATCH :q"
OPTIMIZE_FTS = "INSERT INTO search_fts(search_fts) VALUES ('optimize')"
#: The text search configuration: no stemming, no stop words, so names and
#: technology words ("flask", "sqlalchemy") match exactly as written.
PG_CONFIG = "simple"


def fts_tables() -> frozenset[str]:
    return frozenset({FTS_TABLE, *(FTS_TABLE + suffix for suffix in FTS_SHADOW_SUFFIXES)})
