"""Every row of a test's database, taken once and put back into later tests' fresh databases.

Building a large data set through the services costs seconds per test (every job and
candidate written, audited and committed on its own). Tests that need the same data set
build it once, take its rows, and each later test starts from an exact copy: the same
rows with the same ids, written in one transaction, under a data version stamp of its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, func, select, text

from hirekit.data_version import DataVersion, new_stamp
from hirekit.extensions import db


class TableRows:
    """The committed rows of every table, as they are now."""

    def __init__(self) -> None:
        with db.engine.connect() as conn:
            self._rows = {
                table.name: [dict(row) for row in conn.execute(select(table)).mappings()]
                for table in db.metadata.sorted_tables
            }

    def put_back(self) -> None:
        """Make this test's database hold exactly these rows (what it held is deleted)."""
        tables = db.metadata.sorted_tables  # parents first
        with db.engine.begin() as conn:
            for table in reversed(tables):
                conn.execute(table.delete())
            for table in tables:
                if self._rows[table.name]:
                    conn.execute(table.insert(), self._rows[table.name])
            # Each copy is data of its own: an answer a process cached from an earlier copy
            # must not pass for this one's (a bare connection's writes leave the stamp alone).
            conn.execute(DataVersion.__table__.update().values(stamp=new_stamp()))
            if conn.dialect.name == "postgresql":
                # Explicit ids leave the sequences behind: the next row must not reuse one.
                for table in tables:
                    for column in table.primary_key.columns:
                        if isinstance(column.type, Integer) and self._rows[table.name]:
                            _catch_up(conn, table.name, column.name, table)


def _catch_up(conn: Any, table_name: str, column_name: str, table: Any) -> None:
    sequence = conn.execute(
        text("SELECT pg_get_serial_sequence(:table, :column)"),
        {"table": table_name, "column": column_name},
    ).scalar()
    if sequence is None:
        return
    highest = conn.execute(select(func.max(table.c[column_name]))).scalar()
    conn.execute(text("SELECT setval(:sequence, :value)"), {"sequence": sequence, "value": highest})
