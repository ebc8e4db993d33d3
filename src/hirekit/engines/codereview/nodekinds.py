"""Per node type: its fingerprint token and the fields that hold child nodes.

The review walks every node of every file; resolving these once per node type
replaces the generic ``_fields`` + ``getattr`` + ``isinstance`` probing of
``ast.NodeVisitor``.
"""

from __future__ import annotations

import ast
import zlib

#: Fields that never hold a node: names, flags, numbers, expression contexts.
_NEVER_NODES = frozenset(
    {
        "ctx",
        "id",
        "attr",
        "arg",
        "asname",
        "module",
        "level",
        "kind",
        "type_comment",
        "conversion",
        "is_async",
        "tag",
        "rest",
        "kwd_attrs",
        "lineno",
        "col_offset",
        "end_lineno",
        "end_col_offset",
    }
)
#: Node kinds that carry no token: expression contexts, and imports (module names, not code shape).
_NO_TOKEN = (ast.Load, ast.Store, ast.Del, ast.Import, ast.ImportFrom)


def token_id(token: str) -> int:
    """Stable id of a token; crc32 rather than hash() so it is the same in every process."""
    return zlib.crc32(token.encode()) + 1


STRING_TOKEN = token_id("S")
CONSTANT_TOKEN = token_id("C")


def _child_fields(kind: type) -> tuple[str, ...]:
    fields: list[str] = []
    for name in kind._fields:  # type: ignore[attr-defined]
        if name in _NEVER_NODES:
            continue
        # ``name`` is an identifier except for 3.12's ``type X = ...`` (a Name node).
        if name == "name" and kind.__name__ != "TypeAlias":
            continue
        if name == "value" and kind in (ast.Constant, ast.MatchSingleton):
            continue
        if name == "names" and kind in (ast.Global, ast.Nonlocal):
            continue
        fields.append(name)
    return tuple(fields)


def describe(kind: type) -> tuple[int | None, tuple[str, ...]] | None:
    """``(token id or None, child fields)`` of a node type; None for a non-node type."""
    if not issubclass(kind, ast.AST):
        return None
    token = None if issubclass(kind, _NO_TOKEN) else token_id(kind.__name__)
    return token, _child_fields(kind)
