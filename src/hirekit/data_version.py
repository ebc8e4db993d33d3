"""One stamp that changes whenever data shown to users changes, so copies can be checked cheaply.

A process may keep what it computed from the database (an API list's body, who
a token belongs to) as long as the ``data_version`` stamp it read *before*
computing it is still the current one: reading the stamp is one primary-key
lookup, where recomputing costs several queries and a serialisation.

* Every transaction that writes through the engine (ORM flushes, Core and text
  statements alike) sets the stamp to a fresh random value just before it
  commits, in the same transaction: readers see the new data and the new stamp
  together. The stamp is taken last, so a write transaction holds its row lock
  only for the commit itself.
* A random value, not a counter, so a database rebuilt or copied from a template
  never repeats a stamp that an earlier copy's readers remember.
* Writes that change nothing a cached copy shows do not bump it: the append-only
  audit log, and statements run with the ``bookkeeping`` execution option (a
  token's last use, written once a minute).
* Writes made on a bare ``engine.begin()`` connection outside a Session (the
  queue's progress and lease renewals) do not bump it; nothing cached shows them.
* Readers take the stamp first, then the data: a copy is never older than its stamp.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from flask import Flask, g
from sqlalchemy import BigInteger, Connection, event, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from hirekit.extensions import db

#: The execution option that marks a write as bookkeeping (no cached copy shows it).
BOOKKEEPING = "hirekit_bookkeeping"
#: Tables whose writes leave every cached copy valid.
UNSHOWN_TABLES = frozenset({"audit_entries", "data_version"})
_WROTE = "hirekit_wrote"
_WRITE = re.compile(
    r"""\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO|TRUNCATE(?:\s+TABLE)?)
        \s+(?:ONLY\s+)?"?(\w+)"?""",
    re.IGNORECASE | re.VERBOSE,
)
_OTHER_WRITE = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE)\b", re.IGNORECASE)
_READ = "SELECT stamp FROM data_version WHERE id = 1"
_BUMP = text(
    "INSERT INTO data_version (id, stamp) VALUES (1, :stamp) "
    "ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp"
)


class DataVersion(db.Model):  # type: ignore[name-defined]
    """A single row: the stamp of the data's current version."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    stamp: Mapped[int] = mapped_column(BigInteger)


def new_stamp() -> int:
    return secrets.randbits(62)


def is_shown_write(statement: str) -> bool:
    """Whether SQL ``statement`` writes to a table whose rows a cached copy may show."""
    match = _WRITE.match(statement)
    if match:
        return match.group(1).lower() not in UNSHOWN_TABLES
    head = statement.lstrip()[:4].upper()
    # A CTE may write; count it as a write when it names a writing keyword at all.
    return head == "WITH" and _OTHER_WRITE.search(statement) is not None


def init_data_version(app: Flask) -> None:
    with app.app_context():
        engine = db.engine
    for name, listener in (
        ("before_cursor_execute", _note_write),
        ("commit", _forget),
        ("rollback", _forget),
    ):
        if not event.contains(engine, name, listener):
            event.listen(engine, name, listener)
    if not event.contains(Session, "before_commit", _bump):
        event.listen(Session, "before_commit", _bump)


def current() -> int | None:
    """The stamp, read once per request (``None`` while the row is missing: cache nothing)."""
    if "data_stamp" not in g:
        g.data_stamp = db.session.connection().exec_driver_sql(_READ).scalar()
    stamp: int | None = g.data_stamp
    return stamp


def read_in_request() -> int | None:
    """The stamp this request read already, without reading it (``None``: not read)."""
    stamp: int | None = g.get("data_stamp")
    return stamp


def _note_write(
    conn: Connection, cursor: Any, statement: str, params: Any, context: Any, many: bool
) -> None:
    if conn.info.get(_WROTE) or not is_shown_write(statement):
        return
    if context is not None and context.execution_options.get(BOOKKEEPING):
        return
    conn.info[_WROTE] = True


def _forget(conn: Connection) -> None:
    conn.info.pop(_WROTE, None)


def _bump(session: Session) -> None:
    if not session.in_transaction():
        return
    session.flush()
    conn = session.connection()
    if conn.info.pop(_WROTE, False):
        conn.execute(_BUMP, {"stamp": new_stamp()})


@event.listens_for(DataVersion.__table__, "after_create")
def _first_row(table: Any, conn: Connection, **_: Any) -> None:
    conn.execute(table.insert().values(id=1, stamp=new_stamp()))
