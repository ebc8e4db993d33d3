"""SQL expressions whose spelling differs between SQLite and PostgreSQL.

Reports aggregate in the database; these constructs let one query text run on
both backends (SQLite by default, PostgreSQL when compiled for it).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, Integer, String, Table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class days_between(FunctionElement[float]):
    """``end - start`` in fractional days (both UTC timestamps)."""

    type = Float()
    inherit_cache = True
    name = "days_between"


class month_of(FunctionElement[str]):
    """The UTC calendar month of a timestamp as ``YYYY-MM``."""

    type = String()
    inherit_cache = True
    name = "month_of"


class whole(FunctionElement[int]):
    """The integer part of a non-negative number (floor, not rounding)."""

    type = Integer()
    inherit_cache = True
    name = "whole"


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


@compiles(days_between)
def _days_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _args(element, compiler, **kw)
    return f"(julianday({end}) - julianday({start}))"


@compiles(days_between, "postgresql")
def _days_pg(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = _args(element, compiler, **kw)
    return f"(EXTRACT(EPOCH FROM ({end} - {start})) / 86400.0)"


@compiles(month_of)
def _month_sqlite(element: month_of, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = _args(element, compiler, **kw)
    return f"strftime('%Y-%m', {value})"


@compiles(month_of, "postgresql")
def _month_pg(element: month_of, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = _args(element, compiler, **kw)
    return f"to_char({value} AT TIME ZONE 'UTC', 'YYYY-MM')"


@compiles(whole)
def _whole_sqlite(element: whole, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = _args(element, compiler, **kw)
    # CAST truncates toward zero in SQLite, which is the floor for the
    # non-negative durations reports bucket.
    return f"CAST({value} AS INTEGER)"


@compiles(whole, "postgresql")
def _whole_pg(element: whole, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = _args(element, compiler, **kw)
    return f"CAST(FLOOR({value}) AS INTEGER)"


def register_index_hints() -> None:
    """Let SQLite tables carry ``INDEXED BY`` hints (for every table: compilation
    rules are SQLAlchemy-wide, so this runs when the reports domain is set up)."""
    compiles(Table, "sqlite")(_table_sqlite)


def _table_sqlite(element: Table, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLAlchemy renders no table hints for SQLite; reports name an index with
    # ``with_hint(Event, "INDEXED BY ...", "sqlite")`` where, without table
    # statistics, the planner would otherwise pick a far slower one.
    text: str = compiler.visit_table(element, **kw)  # type: ignore[no-untyped-call]
    hint = (kw.get("fromhints") or {}).get(element)
    if kw.get("asfrom") and hint and str(hint).startswith("INDEXED BY "):
        text += f" {hint}"
    return str(text)
