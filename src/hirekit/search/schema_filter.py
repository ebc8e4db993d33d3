"""Keep autogenerate away from the full-text structures the search migration owns.

The FTS5 tables (SQLite) and the ``tsvector`` column with its GIN index
(PostgreSQL) exist only in the database, not in the models; without this
filter every ``hirekit db migrate`` would propose to drop them. It is passed
to Alembic as ``include_object`` by the factory and by the schema test.
"""

from __future__ import annotations

from typing import Any

from hirekit.search.ddl import DOCUMENTS_TABLE, TSV_COLUMN, TSV_INDEX, fts_tables


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    if type_ == "table":
        return name not in fts_tables()
    if type_ == "column":
        return not (
            name == TSV_COLUMN
            and getattr(obj, "table", None) is not None
            and obj.table.name == DOCUMENTS_TABLE
        )
    if type_ == "index":
        return name != TSV_INDEX
    return True
