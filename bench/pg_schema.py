"""A private PostgreSQL schema for one benchmark run, dropped afterwards."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, create_engine, text


@contextmanager
def private_schema(url: str) -> Iterator[str]:
    """Create a fresh schema on the server at ``url``; yield a URL that works inside it."""
    base = re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        sep = "&" if "?" in base else "?"
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def analyze_schema(conn: Connection) -> None:
    """Fresh planner statistics for the tables of this run's schema only.

    A bare ``ANALYZE`` covers every schema of the database: slow, and it can
    deadlock with whatever else runs DDL on the same server."""
    tables = conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    ).scalars()
    for table in list(tables):
        conn.execute(text(f'ANALYZE "{table}"'))
