"""The postings version: what the public careers page shows, in a few values.

The id and last change of every open public job and of the careers look. Any
change to what the page shows changes it: a job that opens, closes, changes or
is deleted, a new logo or colour. It is read from the database on every visit
to the page, by every process, so it must cost far less than the page: one
statement, compiled once, on a driver connection each process holds for it (no
pool checkout, no liveness ping, no transaction to end: on PostgreSQL a single
round trip). A connection that fails is replaced once before the error is
reported as any database error would be; disposing of the engine closes it with
the pool's.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import event, literal, select, union_all
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

from hirekit.careers.models import CareersBranding
from hirekit.extensions import db
from hirekit.jobs.choices import JobState
from hirekit.jobs.models import Job

_VERSION = union_all(
    select(literal("job"), Job.id, Job.updated_at).where(
        Job.state == JobState.OPEN.value, Job.confidential.is_(False)
    ),
    select(literal("look"), CareersBranding.id, CareersBranding.updated_at),
)
_EXTENSION = "hirekit_postings_version"


@dataclass
class _Reader:
    """The statement as the database's SQL, and the connection held to run it."""

    sql: str
    pid: int = 0
    connection: PoolProxiedConnection | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def postings_version() -> tuple[Any, ...]:
    """Any change to what the public careers page shows changes this value."""
    engine = db.engine
    reader: _Reader | None = current_app.extensions.get(_EXTENSION)
    if reader is None:
        compiled = _VERSION.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
        reader = current_app.extensions.setdefault(_EXTENSION, _Reader(str(compiled)))
        event.listen(engine, "engine_disposed", lambda _: _close(reader))
    with reader.lock:  # one connection per process, whatever the server's threads
        try:
            rows = _read(reader, engine)
        except engine.dialect.loaded_dbapi.Error:
            _drop(reader)  # the server restarted, or the connection broke: one more try
            try:
                rows = _read(reader, engine)
            except engine.dialect.loaded_dbapi.Error as exc:
                _drop(reader)
                raise DBAPIError.instance(
                    reader.sql, None, exc, engine.dialect.loaded_dbapi.Error
                ) from exc
    return tuple(sorted(tuple(row) for row in rows))


def _read(reader: _Reader, engine: Engine) -> list[Any]:
    if reader.connection is None or reader.pid != os.getpid():
        # A connection made before a fork belongs to the parent: never used here.
        reader.connection = engine.raw_connection()
        reader.pid = os.getpid()
        if engine.dialect.name == "postgresql":
            # No BEGIN, no transaction left open between visits.
            reader.connection.driver_connection.autocommit = True  # type: ignore[union-attr]
    cursor = reader.connection.cursor()
    try:
        cursor.execute(reader.sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _close(reader: _Reader) -> None:
    with reader.lock:
        _drop(reader)


def _drop(reader: _Reader) -> None:
    connection, reader.connection = reader.connection, None
    if connection is not None:
        connection.invalidate()
