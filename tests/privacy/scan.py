"""Look for strings in every column of every table, and in every stored file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from hirekit.extensions import db


def _as_text(value: object) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("latin-1")
    return str(value)


def database_hits(needles: list[str]) -> list[tuple[str, str, str]]:
    """(table, column, needle) for every cell holding a needle, case-insensitively.

    Every table the database has -- not only the mapped ones -- so full-text
    index tables and anything else are scanned too; blobs are read as bytes.
    """
    lowered = [n.lower() for n in needles]
    hits = []
    inspector = inspect(db.engine)
    for table in inspector.get_table_names():
        columns = [c["name"] for c in inspector.get_columns(table)]
        for row in db.session.execute(text(f'SELECT * FROM "{table}"')):
            for column, value in zip(columns, row, strict=False):
                cell = _as_text(value).lower()
                hits.extend((table, column, n) for n in lowered if n in cell)
    return hits


def file_hits(root: Path, needles: list[str]) -> list[tuple[str, str]]:
    """(path, needle) for every stored file whose name or bytes hold a needle."""
    encoded = [(n, n.lower().encode()) for n in needles]
    hits = []
    for path in root.rglob("*") if root.exists() else []:
        if path.is_file():
            data = path.read_bytes().lower() + str(path).lower().encode()
            hits.extend((str(path), n) for n, raw in encoded if raw in data)
    return hits
