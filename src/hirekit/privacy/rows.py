"""Every row that belongs to a candidate, found from the schema itself.

A row belongs to a candidate when a chain of foreign keys leads from it to
the ``candidates`` row (notes, applications, then rows of applications, and
so on). Walking the metadata rather than listing tables means a table added
by any domain is erased with the person without anyone remembering to: the
foreign key they had to declare is enough. Deletion follows each key's own
rule -- CASCADE deletes, SET NULL unlinks -- in the application, because
SQLite does not enforce foreign keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Column, Connection, ForeignKey, Select, Table, delete, or_, select, update

from hirekit.extensions import db

ROOT = "candidates"
#: Columns that name a file in the upload store.
FILE_KEY_COLUMNS = ("file_key",)
#: Columns that name a background job whose label and result may quote the person.
JOB_COLUMNS = ("background_job_id",)


@dataclass
class RowErasure:
    """What erasing a candidate's rows removed, per table, and what it left to clean."""

    deleted: dict[str, int] = field(default_factory=dict)
    unlinked: dict[str, int] = field(default_factory=dict)
    file_keys: set[str] = field(default_factory=set)
    job_ids: set[int] = field(default_factory=set)


def _referencing(table: Table) -> list[tuple[Table, ForeignKey]]:
    """Foreign keys of other tables that point at ``table``."""
    found = []
    for other in db.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table and other is not table:
                found.append((other, fk))
    return found


def _owned_ids(table: Table, candidate_id: int, seen: frozenset[str]) -> Select[tuple[int]] | None:
    """The primary keys of ``table``'s rows that belong to the candidate, as a subquery."""
    if table.name == ROOT:
        return select(table.c.id).where(table.c.id == candidate_id)
    conditions = []
    for fk in table.foreign_keys:
        parent = fk.column.table
        if fk.ondelete != "CASCADE" or parent.name in seen:
            continue
        parent_ids = _owned_ids(parent, candidate_id, seen | {table.name})
        if parent_ids is not None:
            conditions.append(fk.parent.in_(parent_ids))
    if not conditions or "id" not in table.c:
        return None
    return select(table.c.id).where(or_(*conditions))


def owned_tables() -> list[Table]:
    """Tables whose rows can belong to a candidate through CASCADE keys, children first."""
    owned: list[Table] = []
    frontier = [t for t in db.metadata.sorted_tables if t.name == ROOT]
    while frontier:
        table = frontier.pop()
        if table in owned:
            continue
        owned.append(table)
        frontier.extend(t for t, fk in _referencing(table) if fk.ondelete == "CASCADE")
    order = {t.name: i for i, t in enumerate(db.metadata.sorted_tables)}
    return sorted(owned, key=lambda t: order[t.name], reverse=True)


def _values(conn: Connection, table: Table, column: str, ids: Select[tuple[int]]) -> list[object]:
    if column not in table.c:
        return []
    return [v for v in conn.scalars(select(table.c[column]).where(table.c.id.in_(ids))) if v]


def _collect(conn: Connection, table: Table, ids: Select[tuple[int]], out: RowErasure) -> None:
    for name in FILE_KEY_COLUMNS:
        out.file_keys.update(str(k) for k in _values(conn, table, name, ids))
    for name in JOB_COLUMNS:
        out.job_ids.update(int(str(j)) for j in _values(conn, table, name, ids))


def owned_row_ids(table: Table, candidate_id: int) -> Select[tuple[int]] | None:
    """The ids of ``table``'s rows that belong to the candidate (None: it cannot hold any)."""
    return _owned_ids(table, candidate_id, frozenset())


def _unlink(conn: Connection, table: Table, ids: Select[tuple[int]], out: RowErasure) -> None:
    """Clear SET NULL keys of other tables that point at rows about to go."""
    for other, fk in _referencing(table):
        if fk.ondelete != "SET NULL":
            continue
        column: Column[int] = fk.parent
        result = conn.execute(update(other).where(column.in_(ids)).values({column.name: None}))
        if result.rowcount:
            out.unlinked[other.name] = out.unlinked.get(other.name, 0) + result.rowcount


def erase_rows(candidate_id: int, conn: Connection | None = None) -> RowErasure:
    """Delete the candidate's row and every row that belongs to it; flushes nothing itself."""
    conn = conn or db.session.connection()
    out = RowErasure()
    for table in owned_tables():
        ids = owned_row_ids(table, candidate_id)
        if ids is None:
            continue
        _collect(conn, table, ids, out)
        _unlink(conn, table, ids, out)
        # Materialise first: deleting a parent would empty a child's subquery.
        doomed = list(conn.scalars(ids))
        if not doomed:
            continue
        conn.execute(delete(table).where(table.c.id.in_(doomed)))
        out.deleted[table.name] = len(doomed)
    return out
