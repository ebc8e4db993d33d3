"""Teach autogenerate that the full-text structures belong to the search migration.

Alembic compares the live schema with the models; the FTS5 tables (SQLite)
and the ``tsvector`` column and its GIN index (PostgreSQL) exist only in the
database, so without this every ``hirekit db migrate`` would propose to drop
them. Alembic calls comparators registered here for every comparison, after
its own (``DispatchPriority.LAST``), and this one removes exactly those ops.
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate.compare import comparators
from alembic.operations import ops
from alembic.util import DispatchPriority, PriorityDispatchResult

from hirekit.search.ddl import DOCUMENTS_TABLE, TSV_COLUMN, TSV_INDEX, fts_tables


def _is_search_op(op: ops.MigrateOperation) -> bool:
    if isinstance(op, ops.DropTableOp):
        return op.table_name in fts_tables()
    if isinstance(op, ops.DropColumnOp):
        return op.table_name == DOCUMENTS_TABLE and op.column_name == TSV_COLUMN
    if isinstance(op, ops.DropIndexOp):
        return op.index_name == TSV_INDEX
    return False


def _prune(container: ops.OpContainer) -> None:
    kept = []
    for op in container.ops:
        if isinstance(op, ops.OpContainer):
            _prune(op)
            if op.is_empty():
                continue
        if not _is_search_op(op):
            kept.append(op)
    container.ops = kept


@comparators.dispatch_for("schema", priority=DispatchPriority.LAST)
def _skip_search_structures(
    autogen_context: Any, upgrade_ops: ops.UpgradeOps, schemas: Any
) -> PriorityDispatchResult:
    _prune(upgrade_ops)
    return PriorityDispatchResult.CONTINUE
