"""Syntax helpers and the per-file scan handed from the extractor to the rules."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from hirekit.engines.codereview.callindex import CallIndex
from hirekit.engines.codereview.facts import FileFacts


def dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for a chain of attributes on a name, else None."""
    kind = node.__class__
    # Fast paths for ``f`` and ``obj.f``, most of the names met.
    if kind is ast.Name:
        return node.id  # type: ignore[attr-defined,no-any-return]
    if kind is ast.Attribute and node.value.__class__ is ast.Name:  # type: ignore[attr-defined]
        return f"{node.value.id}.{node.attr}"  # type: ignore[attr-defined]
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def str_value(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def assigned_name(target: ast.AST) -> str | None:
    """The setting an assignment target names: ``X``, ``app.config.X`` or ``config["X"]``."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        return str_value(target.slice)
    return None


def str_list(node: ast.AST | None) -> tuple[str, ...] | None:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        values = [str_value(e) for e in node.elts]
        return tuple(v.upper() for v in values if v is not None)
    return None


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def _literal_container(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Dict):
        return all(isinstance(v, ast.Constant) for v in (*node.keys, *node.values))
    if isinstance(node, ast.List | ast.Tuple):
        return all(isinstance(e, ast.Constant) for e in node.elts)
    return False


@dataclass(frozen=True, slots=True)
class Ctx:
    func: ast.FunctionDef | ast.AsyncFunctionDef | None
    qualname: str | None
    cls: str | None
    main_guard: bool


@dataclass(slots=True)
class Scan:
    """What the pass keeps for the per-file rules."""

    facts: FileFacts
    #: every call with its context and its callee as written (``dotted(call.func)``)
    calls: list[tuple[ast.Call, Ctx, str | None]] = field(default_factory=list)
    #: positions in ``calls``, noted by the pass for the index (see callindex): by callee
    #: as written, of the calls with keywords, by the name passed first, passing a string first
    calls_by_callee: dict[str | None, list[int]] = field(default_factory=dict)
    keyword_calls: list[int] = field(default_factory=list)
    first_names: dict[str, list[int]] = field(default_factory=dict)
    text_first: list[int] = field(default_factory=list)
    assigns: list[tuple[ast.stmt, Ctx]] = field(default_factory=list)
    #: every subscript inside those assignment statements, targets and values alike
    assigned_subscripts: list[ast.Subscript] = field(default_factory=list)
    classdefs: list[tuple[ast.ClassDef, Ctx]] = field(default_factory=list)
    decorators: list[tuple[ast.expr, Ctx]] = field(default_factory=list)
    route_funcs: set[int] = field(default_factory=set)
    tokens: list[int] = field(default_factory=list)  # token ids, see nodekinds
    _index: CallIndex | None = None
    _tables: frozenset[str] | None = None

    def constant_tables(self) -> frozenset[str]:
        """Module names bound once to a dict, list or tuple of literals (``TEMPLATES = {...}``):
        looking one up by request data still yields one of the code's own constants."""
        if self._tables is None:
            bound: dict[str, int] = {}
            literal: set[str] = set()
            for stmt, ctx in self.assigns:
                for target in getattr(stmt, "targets", ()):
                    if isinstance(target, ast.Name):
                        bound[target.id] = bound.get(target.id, 0) + 1
                        value = getattr(stmt, "value", None)
                        if ctx.func is None and _literal_container(value):
                            literal.add(target.id)
            self._tables = frozenset(n for n in literal if bound[n] == 1)
        return self._tables

    def canon(self, name: str | None) -> str | None:
        """Resolve a dotted name through this file's imports (``fl.Flask`` -> ``flask.Flask``)."""
        if name is None:
            return None
        head, _, rest = name.partition(".")
        base = self.facts.imports.get(head)
        if base is None:
            return name
        return f"{base}.{rest}" if rest else base

    def index(self) -> CallIndex:
        """The file's calls indexed for the rules (see callindex).

        Only valid once the pass has seen every import: rules use it, the pass
        itself uses ``canon``.
        """
        if self._index is None:
            self._index = CallIndex(self, self.canon)
        return self._index

    def resolved(self, call: ast.Call) -> str | None:
        """Canonical callee of ``call`` (see ``index``)."""
        callee = dotted(call.func)
        canonical = self.index().canonical
        try:
            return canonical[callee]
        except KeyError:
            return self.canon(callee)
