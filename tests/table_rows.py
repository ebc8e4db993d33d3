"""Every row of a test's database, taken once and put back into later tests' fresh databases.

Building a large data set through the services costs seconds per test (every job and
candidate written, audited and committed on its own). Tests that need the same data set
build it once per run (``copy_of``), and each test starts from an exact copy: the same
rows with the same ids, written in one transaction, under a data version stamp of its own.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Integer, func, select, text

from hirekit.data_version import DataVersion, new_stamp
from hirekit.extensions import db

#: The folder, made by the controlling process (tests/conftest.py), where the xdist
#: workers of one run share the data sets they built.
SHARED_ROWS_ENV = "TESTS_SHARED_ROWS"

T = TypeVar("T")


def copy_of(name: str, build: Callable[[], T], files: Path | None = None) -> T:
    """Put the data set ``name`` into this test's database (and ``files`` folder, emptied
    for the test), built by ``build`` the first time any worker of the run needs it for
    this backend; returns what ``build`` returned then (ids, not ORM objects)."""
    folder = Path(os.environ[SHARED_ROWS_ENV])
    stem = folder / f"{name}-{db.engine.dialect.name}"
    kept = stem.with_suffix(".pickle")
    kept_files = stem.with_suffix(".files")
    with stem.with_suffix(".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker builds; the others wait for it
        if not kept.exists():
            result = build()
            if files is not None:
                shutil.copytree(files, kept_files)
            partial = stem.with_suffix(".partial")
            partial.write_bytes(pickle.dumps((TableRows(), result)))
            partial.rename(kept)
    rows, built = pickle.loads(kept.read_bytes())  # written by this run, just above
    rows.put_back()
    if files is not None:
        shutil.copytree(kept_files, files, dirs_exist_ok=True)
    db.session.expire_all()
    return built  # type: ignore[no-any-return]


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
                            _catch_up(conn, table, column.name)


def _catch_up(conn: Any, table: Any, column_name: str) -> None:
    sequence = conn.execute(
        text("SELECT pg_get_serial_sequence(:table, :column)"),
        {"table": table.name, "column": column_name},
    ).scalar()
    if sequence is None:
        return
    highest = conn.execute(select(func.max(table.c[column_name]))).scalar()
    conn.execute(text("SELECT setval(:sequence, :value)"), {"sequence": sequence, "value": highest})
