"""Does an expression carry data from the incoming request?

Deliberately simple and intra-procedural: sources are attributes of Flask's
``request`` (except the few the client cannot choose) and the URL variables of
a route; taint follows assignments inside the function and stops at the
usual sanitisers. Precision over recall: an unknown call on request data still
counts as request data, but data that went through ``escape``/``int`` does not.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from hirekit.engines.codereview.scan import Ctx, Scan, dotted

REQUEST_NAMES = frozenset({"flask.request", "quart.request", "flask.globals.request"})
NOT_CLIENT_CHOSEN = frozenset({"method", "endpoint", "blueprint", "url_rule", "is_json"})
#: Calls whose result comes from another server: untrusted for templates and markup.
REMOTE_CALLS = ("requests.", "httpx.", "urllib.request.urlopen", "urllib3.")
SANITIZERS = frozenset(
    {"escape", "int", "float", "bool", "len", "abs", "round", "secure_filename", "quote"}
)


def _request_rooted(node: ast.expr, scan: Scan) -> bool:
    first_attr: str | None = None
    base: ast.expr = node
    while isinstance(base, ast.Attribute | ast.Subscript | ast.Call):
        if isinstance(base, ast.Attribute):
            first_attr = base.attr
            base = base.value
        elif isinstance(base, ast.Subscript):
            base = base.value
        else:
            base = base.func
    if not isinstance(base, ast.Name) or first_attr is None:
        return False
    return scan.canon(base.id) in REQUEST_NAMES and first_attr not in NOT_CLIENT_CHOSEN


def is_tainted(node: ast.AST, names: set[str], scan: Scan, remote: bool = False) -> bool:
    """True when ``node`` may hold request data given the tainted local ``names``.

    ``remote`` also counts what another server sent (``requests.get(...).text``).
    """
    if isinstance(node, ast.Name):
        return node.id in names
    if node.__class__ is ast.Constant or node.__class__ is ast.Load:
        return False  # leaves, most of the nodes met here: nothing below them
    if _constant_lookup(node, scan):
        return False
    if isinstance(node, ast.Attribute | ast.Subscript | ast.Call) and _request_rooted(node, scan):
        return True
    if isinstance(node, ast.Call):
        callee = dotted(node.func)
        if callee and callee.rsplit(".", 1)[-1] in SANITIZERS:
            return False
        if remote and (scan.canon(callee) or "").startswith(REMOTE_CALLS):
            return True
        if remote and _own_method(node):
            return False
    if isinstance(node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    return any(is_tainted(child, names, scan, remote) for child in ast.iter_child_nodes(node))


#: Methods of strings, mappings and request helpers: their result is the data itself.
DATA_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "lower", "upper", "title", "casefold", "capitalize",
     "decode", "encode", "read", "readline", "readlines", "getvalue", "get", "getlist", "pop",
     "values", "items", "keys", "copy", "to_dict", "get_data", "get_json", "json", "text",
     "splitlines", "split", "format", "replace", "join", "__str__", "geturl"}
)  # fmt: skip


def _own_method(node: ast.Call) -> bool:
    """``form.extra_form_content()``: a method called with nothing, not one of the data
    methods above, returns what the code decides (for templates, a template of the code)."""
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and not node.args
        and not node.keywords
        and func.attr not in DATA_METHODS
        and not func.attr.startswith("get")
    )


def _constant_lookup(node: ast.AST, scan: Scan) -> bool:
    """``TABLE[key]`` or ``TABLE.get(key)`` on a module table of literals."""
    if isinstance(node, ast.Subscript):
        base: ast.AST = node.value
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and all(isinstance(a, ast.Constant) for a in node.args[1:])
    ):
        base = node.func.value
    else:
        return False
    return isinstance(base, ast.Name) and base.id in scan.constant_tables()


def _saved_to(node: ast.AST) -> ast.expr | None:
    """The path of ``upload.save(path)``: the file there holds what the client sent."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "save"
        and node.args
    ):
        return node.args[0]
    return None


#: The node kinds ``bindings`` reads: the others bind nothing.
BINDING_KINDS = frozenset(
    {
        ast.Assign,
        ast.AnnAssign,
        ast.AugAssign,
        ast.NamedExpr,
        ast.For,
        ast.comprehension,
        ast.withitem,
    }
)


def bindings(node: ast.AST, *, with_items: bool = True) -> Sequence[tuple[ast.AST, ast.AST]]:
    """The (target, value) pairs ``node`` binds: assignments, loop targets, ``with ... as``."""
    if isinstance(node, ast.Assign):
        return [(t, node.value) for t in node.targets]
    if isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr) and node.value:
        return ((node.target, node.value),)
    if isinstance(node, ast.For | ast.comprehension):
        return ((node.target, node.iter),)
    if with_items and isinstance(node, ast.withitem) and node.optional_vars is not None:
        return ((node.optional_vars, node.context_expr),)
    return ()


def _target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [n for elt in target.elts for n in _target_names(elt)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []


#: A function's ``(target, value)`` pairs, ``x.save(path)`` calls and ``except ... as`` names.
_Flows = tuple[list[tuple[ast.AST, ast.AST]], list[ast.Call], list[str]]


class TaintCache:
    """Tainted local names per function, computed only for functions with a sink."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self._cache: dict[tuple[int, bool], set[str]] = {}
        self._walked: dict[int, _Flows] = {}

    def names(self, ctx: Ctx, remote: bool = False) -> set[str]:
        """Tainted locals of ``ctx``'s function; ``remote`` adds data from other servers
        and exception text (``str(e)`` often quotes the input that failed)."""
        func = ctx.func
        if func is None:
            return set()
        cached = self._cache.get((id(func), remote))
        if cached is not None:
            return cached
        names: set[str] = set()
        if id(func) in self.scan.route_funcs:
            names.update(a.arg for a in func.args.args)
        if remote and any(
            (dotted(d.func if isinstance(d, ast.Call) else d) or "").endswith("errorhandler")
            for d in func.decorator_list
        ):
            names.update(a.arg for a in func.args.args[:1])  # the error being handled
        pairs, saves, handlers = self._flows(func)
        if remote:
            names.update(handlers)
        for _ in range(3):  # a short fixpoint covers chains like a -> b -> c
            before = len(names)
            for target, value in pairs:
                if is_tainted(value, names, self.scan, remote):
                    names.update(_target_names(target))
            for save in saves:
                assert isinstance(save.func, ast.Attribute)
                if is_tainted(save.func.value, names, self.scan):
                    names.update(_target_names(save.args[0]))
            if len(names) == before:
                break
        self._cache[(id(func), remote)] = names
        return names

    def _flows(self, func: ast.AST) -> _Flows:
        """One walk per function, shared by the local and the remote question."""
        found = self._walked.get(id(func))
        if found is not None:
            return found
        pairs: list[tuple[ast.AST, ast.AST]] = []
        saves: list[ast.Call] = []
        handlers: list[str] = []
        for node in ast.walk(func):
            kind = node.__class__
            if kind is ast.ExceptHandler:
                if node.name:  # type: ignore[attr-defined]
                    handlers.append(node.name)  # type: ignore[attr-defined]
            elif kind is ast.Call:
                if _saved_to(node) is not None:
                    saves.append(node)  # type: ignore[arg-type]
            elif kind in BINDING_KINDS:
                pairs.extend(bindings(node))
        found = self._walked[id(func)] = (pairs, saves, handlers)
        return found
