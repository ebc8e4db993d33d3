"""Empty a test's PostgreSQL schema between tests, as TRUNCATE would, in milliseconds.

``TRUNCATE ... RESTART IDENTITY CASCADE`` over every table gives each table and
index a new file and drops the old ones at commit: 1.5-3 s per test on a busy
two-core host, which for a thousand PostgreSQL tests was most of the suite.
A test writes a handful of rows, so deleting them costs a few milliseconds:
one round trip deletes every table's rows (children before parents, so no
foreign key is ever broken) and rewinds each sequence that was used to its
start, which is what RESTART IDENTITY did. Rows written by other processes or
threads are deleted too: nothing depends on who wrote them.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, exc

# Every sequence of the schema that has handed out a value goes back to its start.
_REWIND_SEQUENCES = (
    "SELECT setval(quote_ident(schemaname) || '.' || quote_ident(sequencename),"
    " start_value, false) FROM pg_sequences"
    " WHERE schemaname = current_schema() AND last_value IS NOT NULL"
)


class SchemaReset:
    """Empties ``tables`` (listed parents first, as ``metadata.sorted_tables``) on ``engine``."""

    def __init__(self, engine: Engine, tables: Sequence[str]) -> None:
        self._engine = engine
        self._tables = list(tables)
        deletes = "; ".join(f'DELETE FROM "{name}"' for name in reversed(self._tables))
        self._delete_all = f"{deletes}; {_REWIND_SEQUENCES}"

    def quiet_autovacuum(self) -> None:
        """Keep autovacuum off these tables, so where a new row lands never depends on its timing.

        Without it a vacuum between two tests would let rows reuse freed space, and a
        query without ORDER BY could meet them in another order from one run to the next.
        """
        with self._engine.begin() as conn:
            for name in self._tables:
                conn.exec_driver_sql(f'ALTER TABLE "{name}" SET (autovacuum_enabled = false)')

    def __call__(self) -> None:
        try:
            with self._engine.begin() as conn:
                conn.exec_driver_sql(self._delete_all)
        except exc.DBAPIError:
            # A foreign-key cycle the ordering cannot satisfy: fall back to the slow, sure way.
            tables = ", ".join(f'"{name}"' for name in self._tables)
            with self._engine.begin() as conn:
                conn.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
