"""Does an expression carry data the code did not write itself: stored or handed in?

For ``Markup()``, whose argument is trusted as HTML, request data is not the only
danger: a model attribute (``self.url``, ``watch.title``) holds what some user once
typed or a remote server once sent, and a function's parameter holds whatever its
callers pass. Constants, escaped values and the results of other calls
(``url_for()``, ``render_template()``, a helper of the code) are the code's own.
Precision over recall: a call hides what it returns unless it merely reshapes its
input (``x.strip()``, ``str(x)``, ``", ".join(xs)``).
"""

from __future__ import annotations

import ast

from hirekit.engines.codereview.rules.taint import (
    BINDING_KINDS,
    DATA_METHODS,
    SANITIZERS,
    _target_names,
    bindings,
)
from hirekit.engines.codereview.scan import Ctx, Scan, dotted

#: Calls whose result is escaped or reduced to something that cannot carry markup.
ESCAPERS = SANITIZERS | frozenset(
    {"clean", "linkify", "sanitize", "sanitize_html", "quote_plus", "urlencode", "striptags"}
)
#: Calls that only convert or reshape their arguments: data in, data out.
RESHAPERS = frozenset({"str", "repr", "format", "list", "tuple", "sorted", "reversed"})
SELF_NAMES = frozenset({"self", "cls"})
SETTINGS_WORDS = ("config", "settings", "environ", "options")
#: The last call of a database read.
LOADERS = frozenset(
    {"get", "get_or_404", "first", "first_or_404", "one", "one_or_none", "one_or_404",
     "scalar", "scalar_one", "scalars", "all", "fetchone", "fetchall", "paginate"}
)  # fmt: skip


def _params(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = func.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    every += [a for a in (args.vararg, args.kwarg) if a is not None]
    return {a.arg for a in every if a.arg not in SELF_NAMES}


def _loaded(node: ast.AST) -> bool:
    """``db.session.get(Model, id)``, ``Model.query.filter_by(...).first()``: rows the
    database holds, so whatever users once saved."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in LOADERS
    ):
        return False
    # ``current_app.config.get(...)``, ``os.environ.get(...)``: the operator's settings.
    base = (dotted(node.func.value) or "").lower()
    return not any(word in base for word in SETTINGS_WORDS)


def carries_data(node: ast.AST, names: set[str], scan: Scan) -> bool:
    """True when ``node`` may hold stored or handed-in data, given the data locals ``names``."""
    if isinstance(node, ast.Constant):
        return False
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.Attribute):
        return _attribute_data(node, names, scan)
    if isinstance(node, ast.Subscript):
        base = node.value
        if isinstance(base, ast.Name) and base.id in scan.constant_tables():
            return False
        return carries_data(base, names, scan)
    if isinstance(node, ast.Call):
        return _call_data(node, names, scan)
    if isinstance(node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    if isinstance(node, ast.Compare):  # a comparison is True or False, never markup
        return False
    if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
        return _comprehension_data(node, names, scan)
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        # ``x and f"<i>{escape(x)}</i>"``: the text is the last value (else a falsy one).
        return carries_data(node.values[-1], names, scan)
    return any(carries_data(child, names, scan) for child in ast.iter_child_nodes(node))


def _comprehension_data(
    node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, names: set[str], scan: Scan
) -> bool:
    """What a comprehension yields is its element: ``x.__html__() for x in self.blocks``
    yields the code's own markup, ``x.title for x in rows`` the rows' data."""
    bound = set(names)
    for gen in node.generators:
        if carries_data(gen.iter, bound, scan):
            bound |= {n.id for n in ast.walk(gen.target) if isinstance(n, ast.Name)}
    elts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
    return any(carries_data(e, bound, scan) for e in elts)


def _attribute_data(node: ast.Attribute, names: set[str], scan: Scan) -> bool:
    if node.attr.isupper():  # ``self.TEMPLATE``, ``config.BANNER``: the code's constants
        return False
    name = dotted(node)
    if name is None:  # ``f().x``, ``d["k"].x``: as data as what it hangs on
        return carries_data(node.value, names, scan)
    # An attribute of the model itself, or of an object handed in or loaded from the
    # database; a module's or a library object's (``os.sep``) is the library's.
    return name.split(".", 1)[0] in SELF_NAMES | names


def _call_data(node: ast.Call, names: set[str], scan: Scan) -> bool:
    callee = dotted(node.func)
    last = callee.rsplit(".", 1)[-1] if callee else None
    if last in ESCAPERS:
        return False
    args = [*node.args, *(k.value for k in node.keywords)]
    if last in RESHAPERS and isinstance(node.func, ast.Name):
        return any(carries_data(a, names, scan) for a in args)
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in DATA_METHODS:
        if isinstance(func.value, ast.Name) and func.value.id in SELF_NAMES:
            return True  # ``self.get("url")`` on a model that is a mapping: what it holds
        # ``x.strip()`` is x; ``", ".join(xs)`` and ``"{}".format(x)`` are their arguments.
        return carries_data(func.value, names, scan) or any(
            carries_data(a, names, scan) for a in args
        )
    return False


def _pairwise(pairs: list[tuple[ast.AST, ast.AST]]) -> list[tuple[ast.AST, ast.AST]]:
    """``a, b = [], f(x)``: each name with its own value."""
    out: list[tuple[ast.AST, ast.AST]] = []
    for target, value in pairs:
        if (
            isinstance(target, ast.Tuple | ast.List)
            and isinstance(value, ast.Tuple | ast.List)
            and len(target.elts) == len(value.elts)
            and not any(isinstance(e, ast.Starred) for e in (*target.elts, *value.elts))
        ):
            out.extend(zip(target.elts, value.elts, strict=True))
        else:
            out.append((target, value))
    return out


def _escaped(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    callee = dotted(node.func)
    return callee is not None and callee.rsplit(".", 1)[-1] in ESCAPERS


class DataNames:
    """Per function: its parameters and the locals assigned from data (a short fixpoint)."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self._cache: dict[int, set[str]] = {}

    def names(self, ctx: Ctx) -> set[str]:
        func = ctx.func
        if func is None:
            return set()
        cached = self._cache.get(id(func))
        if cached is not None:
            return cached
        names = _params(func)
        pairs: list[tuple[ast.AST, ast.AST]] = []
        for node in ast.walk(func):
            if node.__class__ in BINDING_KINDS:
                pairs.extend(bindings(node, with_items=False))
        for _ in range(3):  # a -> b -> c
            before = len(names)
            for target, value in _pairwise(pairs):
                if _loaded(value) or carries_data(value, names, self.scan):
                    names.update(_target_names(target))
            if len(names) == before:
                break
        # ``name = escape(name)``: from there on the name holds escaped text.
        escaped = {n for t, v in pairs if _escaped(v) for n in _target_names(t)}
        raw = {n for t, v in pairs if not _escaped(v) for n in _target_names(t)}
        names -= escaped - raw
        self._cache[id(func)] = names
        return names
