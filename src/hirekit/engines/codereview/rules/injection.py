"""Request data reaching an interpreter: SQL, templates, markup, deserialisers."""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterable

from hirekit.engines.codereview.callindex import ResolvedCall
from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.rules.stored import DataNames, carries_data
from hirekit.engines.codereview.rules.taint import TaintCache, is_tainted
from hirekit.engines.codereview.scan import Ctx, Scan, dotted, keyword, str_value

WHY = {
    "sql-string-format": (
        "Building SQL by string formatting lets input change the query itself (SQL "
        "injection); passing parameters to execute() keeps data and code apart."
    ),
    "template-injection": (
        "A template compiled from request data runs whatever Jinja code the client "
        "sends (server-side template injection, often remote code execution)."
    ),
    "unsafe-markup": (
        "Markup() marks text as already safe, so request, stored or remote data inside "
        "it is rendered as raw HTML (cross-site scripting); escape() the data first, or "
        "let Markup's own % and format() escape it."
    ),
    "unsafe-deserialize": (
        "pickle and yaml.load build arbitrary objects; on client data that is remote "
        "code execution."
    ),
}
TEMPLATE_SINKS = frozenset(
    {
        "flask.render_template_string",
        "flask.templating.render_template_string",
        "quart.render_template_string",
        "jinja2.Template",
        "jinja2.environment.Template",
    }
)
MARKUP_SINKS = frozenset({"markupsafe.Markup", "flask.Markup", "jinja2.Markup"})
PICKLE_SINKS = frozenset(
    {
        "pickle.loads",
        "pickle.load",
        "cPickle.loads",
        "cPickle.load",
        "_pickle.loads",
        "dill.loads",
        "dill.load",
        "marshal.loads",
        "marshal.load",
        "jsonpickle.decode",
        "yaml.unsafe_load",
    }
)
YAML_LOADS = frozenset({"yaml.load", "yaml.load_all"})
SINK_NAMES = TEMPLATE_SINKS | MARKUP_SINKS | PICKLE_SINKS | YAML_LOADS
SQL_EXEC_ATTRS = frozenset({"execute", "executemany", "executescript", "exec_driver_sql"})
SQL_TEXT = frozenset({"sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text"})
#: Names a call to SQL is made with: the execute methods, and ``db.text``/``sa.text``.
SQL_NAMES = SQL_EXEC_ATTRS | {"text"}
SQL_WORDS = re.compile(
    r"\b(select|insert|update|delete|create|drop|alter|where|from|into|values|pragma|"
    r"truncate|order\s+by|group\s+by|limit)\b",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"^[\s,()]*(\?|%s|%\(\w+\)s|:\w+)[\s,()]*$")
#: Text right before an interpolation that makes it an identifier (a table, index or
#: database name), which bound parameters cannot hold.
IDENTIFIER_BEFORE = re.compile(
    r"\b(table|from|into|update|join|exists|index|view|database|schema)\s+[\"`\[]?$",
    re.IGNORECASE,
)
PERCENT_SLOT = re.compile(r"%(\(\w+\))?[sdr]")
FORMAT_SLOT = re.compile(r"\{[^{}]*\}")


def _first_arg(call: ast.Call) -> ast.expr | None:
    return call.args[0] if call.args else None


def _safe_fragment(node: ast.AST, safe: frozenset[str] = frozenset()) -> bool:
    """Interpolations that cannot carry data: constants, CONSTANT names, placeholders."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Tuple | ast.List) and node.elts:
        return all(_safe_fragment(e, safe) for e in node.elts)
    if isinstance(node, ast.Subscript):  # ``TABLES[0]``: an item of the code's own constants
        return _safe_fragment(node.value, safe) and _safe_fragment(node.slice, safe)
    name = dotted(node)
    if name is not None and (name.rsplit(".", 1)[-1].isupper() or name in safe):
        return True
    if isinstance(node, ast.Call):
        callee = dotted(node.func) or ""
        if callee.rsplit(".", 1)[-1] in ("len", "int", "float"):
            return True
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and PLACEHOLDER.match(n.value)
        for n in ast.walk(node)
    )


def _has_sql(text: str) -> bool:
    return bool(SQL_WORDS.search(text))


def _formatted(node: ast.AST, safe: frozenset[str] = frozenset()) -> bool:
    """SQL text built by f-string, %, .format() or + with a non-constant part."""
    if isinstance(node, ast.JoinedStr):
        text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
        dynamic = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
        return _has_sql(text) and not all(_safe_fragment(d, safe) for d in dynamic)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        left = node.left
        return (
            isinstance(left, ast.Constant)
            and isinstance(left.value, str)
            and _has_sql(left.value)
            and not _safe_fragment(node.right, safe)
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        base = node.func.value
        if node.func.attr == "format" and isinstance(base, ast.Constant):
            args = [*node.args, *(k.value for k in node.keywords)]
            return _has_sql(str(base.value)) and not all(_safe_fragment(a, safe) for a in args)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = _flatten_add(node)
        text = "".join(
            p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)
        )
        return _has_sql(text) and any(not _safe_fragment(p, safe) for p in parts)
    return False


def _texts_before_slots(node: ast.AST, safe: frozenset[str]) -> list[str] | None:
    """The SQL text before each interpolated value of ``node`` that is not a constant."""
    before: list[str] = []
    if isinstance(node, ast.JoinedStr | ast.BinOp) and not (
        isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)
    ):
        parts = node.values if isinstance(node, ast.JoinedStr) else _flatten_add(node)
        text = ""
        for part in parts:
            if isinstance(part, ast.Constant):
                text += str(part.value)
                continue
            value = part.value if isinstance(part, ast.FormattedValue) else part
            if not _safe_fragment(value, safe):
                before.append(text)
            text += "\x00"
        return before
    template = None
    slot = PERCENT_SLOT
    if isinstance(node, ast.BinOp):
        template = str_value(node.left)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        template, slot = str_value(node.func.value), FORMAT_SLOT
    if template is None:
        return None
    return [template[: m.start()] for m in slot.finditer(template)]


def _identifiers_only(node: ast.AST, safe: frozenset[str]) -> bool:
    """Every interpolation names a table or index, or the statement is a PRAGMA (whose
    value sqlite cannot bind): formatting is the only way to write it."""
    before = _texts_before_slots(node, safe)
    if not before:
        return False
    if before[0].lstrip().lower().startswith("pragma"):
        return True
    return all(IDENTIFIER_BEFORE.search(text) for text in before)


def _flatten_add(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [*_flatten_add(node.left), *_flatten_add(node.right)]
    return [node]


def _name_formatted(
    name: str, ctx: Ctx, scan: Scan, safe: frozenset[str] = frozenset()
) -> ast.AST | None:
    """The formatted value assigned to local ``name`` in the same scope, if any."""
    for stmt, sctx in scan.assigns:
        if sctx.func is not ctx.func:
            continue
        if isinstance(stmt, ast.Assign):
            hit = any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets)
        elif isinstance(stmt, ast.AugAssign | ast.AnnAssign):
            hit = isinstance(stmt.target, ast.Name) and stmt.target.id == name
        else:
            hit = False
        value: ast.expr | None = getattr(stmt, "value", None)
        if (
            hit
            and value is not None
            and (
                _formatted(value, safe)
                or (
                    isinstance(stmt, ast.AugAssign)
                    and isinstance(value, ast.JoinedStr)
                    and not all(
                        _safe_fragment(v.value, safe)
                        for v in value.values
                        if isinstance(v, ast.FormattedValue)
                    )
                )
            )
        ):
            return value
    return None


def _loop_constants(func: ast.AST) -> set[str]:
    """Loop variables over literals (``for version in (3, 4):`` in a migration)."""
    names: set[str] = set()
    for node in ast.walk(func):
        if isinstance(node, ast.For | ast.comprehension) and isinstance(node.target, ast.Name):
            it = node.iter
            literal = isinstance(it, ast.Tuple | ast.List | ast.Set) and all(
                isinstance(e, ast.Constant) for e in it.elts
            )
            ranged = (
                isinstance(it, ast.Call)
                and dotted(it.func) == "range"
                and all(isinstance(a, ast.Constant) for a in it.args)
            )
            if literal or ranged:
                names.add(node.target.id)
    return names


def _checked_name(node: ast.expr) -> str | None:
    """``mode`` in ``mode``, ``mode.lower()`` or ``mode.strip().upper()``."""
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args:
        node = node.func.value
    return node.id if isinstance(node, ast.Name) else None


def _allow_listed(func: ast.AST) -> set[str]:
    """Names a function refuses unless they are one of a literal list of values:
    ``if mode.lower() not in ("wal", "delete"): raise ...`` (or ``return``)."""
    names: set[str] = set()
    for node in ast.walk(func):
        if not isinstance(node, ast.If) or not node.body:
            continue
        if not isinstance(node.body[-1], ast.Raise | ast.Return):
            continue
        test = node.test
        negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
        compare = test.operand if isinstance(test, ast.UnaryOp) else test
        if not isinstance(compare, ast.Compare) or len(compare.ops) != 1:
            continue
        refused = isinstance(compare.ops[0], ast.NotIn) or (
            negated and isinstance(compare.ops[0], ast.In)
        )
        allowed = compare.comparators[0]
        literal = isinstance(allowed, ast.Tuple | ast.List | ast.Set) and all(
            isinstance(e, ast.Constant) for e in allowed.elts
        )
        name = _checked_name(compare.left)
        if refused and literal and name is not None:
            names.add(name)
    return names


def _is_sql_sink(call: ast.Call, callee: str | None, canonical: str | None) -> bool:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in SQL_EXEC_ATTRS:
        return True
    if canonical in SQL_TEXT:
        return True
    return callee is not None and callee.endswith(".text") and callee.split(".")[0] in ("db", "sa")


def _sql_sinks(
    scan: Scan, also: Collection[str] = (), named: Iterable[str] = ()
) -> list[ResolvedCall]:
    """The calls ``_is_sql_sink`` may accept, with those to ``also`` or of ``named``."""
    return scan.index().select(to=SQL_TEXT | frozenset(also), named=[*SQL_NAMES, *named])


def _query_runners(scan: Scan) -> dict[str, tuple[int, bool]]:
    """Functions of this module that pass a parameter on as SQL text.

    ``name -> (parameter index, is a method)`` for ``def run(sql): cur.execute(sql)``,
    so that callers building the text by formatting are found where they build it.
    """
    runners: dict[str, tuple[int, bool]] = {}
    for call, ctx, callee, canonical in _sql_sinks(scan):
        func = ctx.func
        args = call.args
        if func is None or not args:
            continue
        arg = args[0]
        if not isinstance(arg, ast.Name):
            continue
        if not _is_sql_sink(call, callee, canonical):
            continue
        params = [a.arg for a in (*func.args.posonlyargs, *func.args.args)]
        if arg.id in params:
            method = bool(params) and params[0] in ("self", "cls")
            runners[func.name] = (params.index(arg.id), method)
    return runners


def _runner_sql(
    call: ast.Call, callee: str | None, runners: dict[str, tuple[int, bool]]
) -> ast.expr | None:
    """The SQL text a call hands to one of this module's query runners."""
    if callee is None:
        return None
    found = runners.get(callee.rsplit(".", 1)[-1])
    if found is None:
        return None
    index, method = found
    if method and "." in callee:
        index -= 1  # ``self.run(sql)``: self is not among the arguments
    if 0 <= index < len(call.args):
        return call.args[index]
    return None


class _Placeholders:
    """Names that hold only the code's own constants, per function: locals built from
    placeholders (``marks = ",".join("?" * len(ids))``) or literals, module constants,
    and loop variables over literals. Each function is read once, however many
    queries it runs, and only the assignments of functions that run one."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.by_func: dict[int, frozenset[str]] = {}
        self.assigned: dict[int, list[str]] = {}

    def _assigned(self, func: ast.AST | None) -> list[str]:
        """Names assigned a safe fragment in ``func`` (None: outside functions)."""
        found = self.assigned.get(id(func))
        if found is None:
            found = self.assigned[id(func)] = [
                t.id
                for stmt, sctx in self.scan.assigns
                if sctx.func is func and isinstance(stmt, ast.Assign) and _safe_fragment(stmt.value)
                for t in stmt.targets
                if isinstance(t, ast.Name)
            ]
        return found

    def names(self, ctx: Ctx) -> frozenset[str]:
        key = id(ctx.func)
        found = self.by_func.get(key)
        if found is not None:
            return found
        names = set(self._assigned(None))
        if ctx.func is not None:
            names.update(self._assigned(ctx.func))
            names.update(_allow_listed(ctx.func))
            names.update(_loop_constants(ctx.func))
        found = self.by_func[key] = frozenset(names)
        return found


def _sql(
    call: ast.Call,
    ctx: Ctx,
    scan: Scan,
    taint: TaintCache,
    placeholders: _Placeholders,
    arg: ast.expr | None = None,
) -> Finding | None:
    arg = arg if arg is not None else _first_arg(call)
    if arg is None:
        return None
    # More safe names only make text less "formatted": text that is not formatted
    # even with none cannot be, so most queries skip the names altogether.
    if not _formatted(arg, frozenset()) and (
        not isinstance(arg, ast.Name) or _name_formatted(arg.id, ctx, scan) is None
    ):
        return None
    safe = placeholders.names(ctx)
    built: ast.AST | None = arg if _formatted(arg, safe) else None
    if built is None and isinstance(arg, ast.Name):
        built = _name_formatted(arg.id, ctx, scan, safe)
    if built is None:
        return None
    tainted = is_tainted(built, taint.names(ctx), scan) or is_tainted(arg, taint.names(ctx), scan)
    if not tainted and _identifiers_only(built, safe):
        return None  # the code's own table names: parameters cannot bind those
    how = "with request data" if tainted else "by string formatting"
    return Finding(
        "sql-string-format",
        "high" if tainted else "medium",
        scan.facts.rel,
        call.lineno,
        f"SQL query built {how} instead of bound parameters",
        WHY["sql-string-format"],
    )


def _sink_kind(call: ast.Call, canon: str | None) -> str | None:
    if canon in TEMPLATE_SINKS:
        return "template-injection"
    if isinstance(call.func, ast.Attribute) and call.func.attr == "from_string":
        return "template-injection"
    if canon in MARKUP_SINKS:
        return "unsafe-markup"
    if canon in PICKLE_SINKS:
        return "unsafe-deserialize"
    if canon in YAML_LOADS:
        loader = dotted(
            keyword(call, "Loader") or (call.args[1] if len(call.args) > 1 else ast.Pass())
        )
        if loader is None or not loader.endswith(("SafeLoader", "BaseLoader")):
            return "unsafe-deserialize"
    return None


MESSAGES = {
    "template-injection": "template source built from request, remote or exception data",
    "unsafe-markup": "request or remote data wrapped in Markup() without escaping",
    "stored-markup": "stored data or a parameter wrapped in Markup() without escaping",
    "unsafe-deserialize": "request data deserialised with pickle or yaml.load",
}


def check(scan: Scan) -> list[Finding]:
    taint = TaintCache(scan)
    data = DataNames(scan)
    found: list[Finding] = []
    runners = _query_runners(scan)
    placeholders = _Placeholders(scan)
    for call, ctx, callee, canonical in _sql_sinks(scan, SINK_NAMES, ["from_string", *runners]):
        if not call.args:
            continue  # every sink here takes the query, template or payload first
        func = call.func
        attr = func.attr if isinstance(func, ast.Attribute) else None
        if _is_sql_sink(call, callee, canonical) and (
            sql := _sql(call, ctx, scan, taint, placeholders)
        ):
            found.append(sql)
            continue
        text = _runner_sql(call, callee, runners) if runners else None
        if text is not None and (sql := _sql(call, ctx, scan, taint, placeholders, text)):
            found.append(sql)
            continue
        if canonical not in SINK_NAMES and attr != "from_string":
            continue
        kind = _sink_kind(call, canonical)
        arg = _first_arg(call)
        if kind is None or arg is None:
            continue
        # Templates and markup also distrust other servers' answers and exception text.
        remote = kind != "unsafe-deserialize"
        if is_tainted(arg, taint.names(ctx, remote), scan, remote):
            found.append(
                Finding(kind, "high", scan.facts.rel, call.lineno, MESSAGES[kind], WHY[kind])
            )
        elif kind == "unsafe-markup" and carries_data(arg, data.names(ctx), scan):
            # What a model holds or a caller passes was typed or fetched at some time.
            message = MESSAGES["stored-markup"]
            found.append(Finding(kind, "medium", scan.facts.rel, call.lineno, message, WHY[kind]))
    return found
