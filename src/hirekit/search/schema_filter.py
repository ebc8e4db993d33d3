"""Keep autogenerate away from the full-text structures the search migration owns.

The FTS5 tables (SQLite) and the table of one ``tsvector`` per candidate
(PostgreSQL) exist only in the database, not in the models; without this
filter every ``hirekit db migrate`` would propose to drop them. It is passed
to Alembic as ``include_object`` by the factory and by the schema test.
"""

from __future__ import annotations

from typing import Any

from hirekit.search.ddl import CANDIDATE_TEXT_TABLE, fts_tables


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table":
        return name not in fts_tables() and name != CANDIDATE_TEXT_TABLE
    return True
