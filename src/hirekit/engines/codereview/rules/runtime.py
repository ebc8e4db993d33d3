"""Settings that change how the running app behaves: debug, CSRF, CORS, shared connections."""

from __future__ import annotations

import ast
import re

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.scan import Ctx, Scan, assigned_name, dotted, keyword, str_value

WHY = {
    "debug-run": (
        "The Werkzeug debugger lets anyone who can reach the page run Python on the "
        "server; debug mode must come from the environment, never from code."
    ),
    "csrf-disabled": (
        "Without CSRF protection another site can submit forms on behalf of a logged-in user."
    ),
    "cors-wildcard-credentials": (
        "Allowing any origin together with credentials lets every website read "
        "authenticated responses of this API."
    ),
    "global-db-connection": (
        "One connection opened at import time is shared by every request and thread: "
        "transactions interleave and sqlite refuses cross-thread use. Open one per "
        "request (g + teardown) or use a pool."
    ),
}
CONNECTS = frozenset(
    {
        "sqlite3.connect",
        "psycopg2.connect",
        "psycopg.connect",
        "pymysql.connect",
        "MySQLdb.connect",
        "mysql.connector.connect",
        "mariadb.connect",
        "pyodbc.connect",
        "cx_Oracle.connect",
        "oracledb.connect",
    }
)
CORS_CALLS = frozenset({"flask_cors.CORS", "flask_cors.cross_origin"})
DEBUG_PARAM = re.compile(r"(^|_)debug$", re.IGNORECASE)
TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
RUN_SIMPLE = frozenset({"werkzeug.serving.run_simple", "werkzeug.run_simple"})
DEBUGGERS = RUN_SIMPLE | {"werkzeug.debug.DebuggedApplication", "werkzeug.DebuggedApplication"}
TEST_CONTEXT = re.compile(r"test", re.IGNORECASE)
#: Modules whose presence means requests authenticate by header or token, where CSRF
#: (a browser sending cookies on its own) does not apply.
API_AUTH_MODULES = (
    "flask_restful",
    "flask_restx",
    "flask_restplus",
    "flask_jwt_extended",
    "flask_jwt",
    "flask_httpauth.HTTPTokenAuth",
    "flask_smorest",
    "apiflask",
)
TOKEN_AUTH_NAMES = re.compile(r"(token|jwt|api_?key|bearer)", re.IGNORECASE)
API_PATH = re.compile(r"(^|/)(api|apis|rest|resources)(/|\.py$|_)", re.IGNORECASE)
RESOURCE_BASES = frozenset({"Resource", "MethodView", "MethodResource"})
CORS_CONFIG_KEYS = frozenset({"CORS_SUPPORTS_CREDENTIALS", "CORS_ORIGINS"})


def _true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _in_tests(ctx: Ctx) -> bool:
    return any(TEST_CONTEXT.search(p) for p in (ctx.cls or "", ctx.qualname or ""))


def _finding(rule: str, severity: str, scan: Scan, line: int, message: str) -> Finding:
    return Finding(rule, severity, scan.facts.rel, line, message, WHY[rule])


def _debug_run(call: ast.Call, callee: str | None, ctx: Ctx, scan: Scan) -> Finding | None:
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != "run" or callee is None:
        return None
    if not _true(keyword(call, "debug")):
        return None
    where = "under __main__" if ctx.main_guard else "at import/run time"
    severity = "medium" if ctx.main_guard else "high"
    return _finding("debug-run", severity, scan, call.lineno, f"run(debug=True) {where}")


def _debugger(call: ast.Call, canonical: str | None, ctx: Ctx, scan: Scan) -> Finding | None:
    """Werkzeug's debugger served without Flask's run(): ``run_simple(use_debugger=True)``
    or ``DebuggedApplication(app, evalex=True)`` (the console that runs Python)."""
    if canonical in RUN_SIMPLE:
        on = _true(keyword(call, "use_debugger"))
    else:
        on = _true(keyword(call, "evalex") or (call.args[1] if len(call.args) > 1 else None))
    if not on:
        return None
    severity = "medium" if ctx.main_guard else "high"
    name = canonical.rsplit(".", 1)[-1] if canonical else "run_simple"
    return _finding("debug-run", severity, scan, call.lineno, f"{name} serves the debugger")


def _truthy_default(node: ast.AST | None) -> bool:
    """``True``, or a string a config parser reads as true (``debug='True'``)."""
    text = str_value(node)
    return _true(node) or (text is not None and text.strip().lower() in TRUE_WORDS)


def _debug_defaults(scan: Scan) -> list[Finding]:
    """A ``debug`` parameter that defaults to on, in a module that runs the app with
    ``run(debug=<a variable>)``: calling the entry point plainly serves the debugger."""
    runs = any(
        isinstance(call.func, ast.Attribute)
        and call.func.attr == "run"
        and isinstance(keyword(call, "debug"), ast.Name)
        for call, _ctx, _callee, _canonical in scan.index().select(named=("run",))
    )
    if not runs:
        return []
    funcs = {id(ctx.func): ctx.func for _call, ctx, _callee in scan.calls if ctx.func is not None}
    found = []
    for func in funcs.values():
        args = func.args
        positional = [*args.posonlyargs, *args.args]
        defaulted = positional[len(positional) - len(args.defaults) :]
        pairs = list(zip(defaulted, args.defaults, strict=True))
        kw_pairs = zip(args.kwonlyargs, args.kw_defaults, strict=True)
        pairs += [(a, d) for a, d in kw_pairs if d is not None]
        for arg, default in pairs:
            if DEBUG_PARAM.search(arg.arg) and _truthy_default(default):
                message = f"{func.name}() turns debug on unless told otherwise"
                found.append(_finding("debug-run", "medium", scan, default.lineno, message))
    return found


def _cors(call: ast.Call, canonical: str | None, scan: Scan) -> Finding | None:
    if canonical not in CORS_CALLS:
        return None
    if not _true(keyword(call, "supports_credentials")):
        return None
    origins = keyword(call, "origins")
    resources = keyword(call, "resources")
    if origins is None and isinstance(resources, ast.Dict):
        inner = [v for v in resources.values if isinstance(v, ast.Dict)]
        origins_nodes = [
            val
            for d in inner
            for k, val in zip(d.keys, d.values, strict=True)
            if str_value(k) == "origins"
        ]
        # No origins for a resource means flask-cors' default: every origin.
        wildcard = not origins_nodes or any(_is_wildcard(o) for o in origins_nodes)
    elif origins is None:
        wildcard = resources is None  # flask-cors allows every origin by default
    else:
        wildcard = _is_wildcard(origins)
    if not wildcard:
        return None
    return _finding(
        "cors-wildcard-credentials",
        "high",
        scan,
        call.lineno,
        "CORS allows any origin together with credentials",
    )


def _is_wildcard(node: ast.AST) -> bool:
    if str_value(node) in ("*", ".*"):
        return True
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return any(str_value(e) in ("*", ".*") for e in node.elts)
    return False


def _connection(call: ast.Call, canonical: str | None, ctx: Ctx, scan: Scan) -> Finding | None:
    if ctx.func is not None or ctx.cls is not None or ctx.main_guard:
        return None
    if canonical not in CONNECTS:
        return None
    return _finding(
        "global-db-connection",
        "medium",
        scan,
        call.lineno,
        "database connection opened at module level and shared by all requests",
    )


def _token_auth(scan: Scan) -> bool:
    """The file authenticates requests by header or token, not by a browser session."""
    targets = scan.facts.imports.values()
    if any(t.startswith(API_AUTH_MODULES) for t in targets):
        return True
    return any(TOKEN_AUTH_NAMES.search(dotted(d) or "") for d, _ctx in scan.decorators) or any(
        TOKEN_AUTH_NAMES.search(local) for local in scan.facts.imports
    )


def _api_context(ctx: Ctx, scan: Scan) -> bool:
    """Code that serves an API authenticated by header or token, where CSRF does not apply."""
    if not _token_auth(scan):
        return False
    if API_PATH.search(scan.facts.rel):
        return True
    bases = {c.name: c.bases for c in scan.facts.classes}
    return (
        ctx.cls is not None
        and any(b.rsplit(".", 1)[-1] in RESOURCE_BASES for b in bases.get(ctx.cls, ()))
    ) or any(
        isinstance(d, ast.Call) and "api" in (dotted(d.func) or "").lower()
        for d in getattr(ctx.func, "decorator_list", ())
    )


def _csrf_keyword(call: ast.Call, ctx: Ctx, scan: Scan) -> Finding | None:
    message = None
    for kw in call.keywords:
        if kw.arg in ("WTF_CSRF_ENABLED", "CSRF_ENABLED") and _false(kw.value):
            message = f"{kw.arg}=False"
        elif kw.arg == "meta" and isinstance(kw.value, ast.Dict):
            for k, v in zip(kw.value.keys, kw.value.values, strict=True):
                if str_value(k) == "csrf" and _false(v):
                    message = "form built with csrf off"
                    break
        if message is not None:
            break
    if message is None or _in_tests(ctx) or _api_context(ctx, scan):
        return None
    return _finding("csrf-disabled", "medium", scan, call.lineno, message)


def _assignment(stmt: ast.stmt, ctx: Ctx, scan: Scan) -> list[Finding]:
    if not isinstance(stmt, ast.Assign):
        return []
    value = stmt.value
    # Every finding below needs a literal True or False on the right.
    if not isinstance(value, ast.Constant) or (
        value.value is not True and value.value is not False
    ):
        return []
    if _in_tests(ctx):
        return []
    found: list[Finding] = []
    for target in stmt.targets:
        name = assigned_name(target)
        if name in ("WTF_CSRF_ENABLED", "CSRF_ENABLED") and _false(stmt.value):
            found.append(_finding("csrf-disabled", "medium", scan, stmt.lineno, f"{name} = False"))
        elif (
            name == "csrf"
            and ctx.cls == "Meta"
            and _false(stmt.value)
            and not _api_context(ctx, scan)
        ):
            found.append(
                _finding(
                    "csrf-disabled", "medium", scan, stmt.lineno, "form Meta sets csrf = False"
                )
            )
        elif (
            isinstance(target, ast.Attribute)
            and name == "debug"
            and _true(stmt.value)
            and "app" in (dotted(target.value) or "").lower()
        ):
            found.append(_finding("debug-run", "high", scan, stmt.lineno, "app.debug = True"))
        elif (
            isinstance(target, ast.Name)
            and name == "DEBUG"
            and _true(stmt.value)
            and ctx.cls is None
            and ctx.func is None
            and not scan.facts.rel.endswith(".py")
        ):
            # A settings file loaded with from_pyfile() is the deployed configuration.
            found.append(
                _finding(
                    "debug-run", "medium", scan, stmt.lineno, "DEBUG = True in a settings file"
                )
            )
        elif (
            isinstance(target, ast.Subscript)
            and name == "DEBUG"
            and _true(stmt.value)
            and (dotted(target.value) or "").endswith("config")
        ):
            found.append(
                _finding("debug-run", "medium", scan, stmt.lineno, 'config["DEBUG"] = True in code')
            )
    return found


def _exempt(deco: ast.expr, ctx: Ctx, scan: Scan) -> Finding | None:
    name = dotted(deco.func if isinstance(deco, ast.Call) else deco)
    if name is None or not name.endswith(".exempt") or "csrf" not in name.lower():
        return None
    if _api_context(ctx, scan):
        return None
    return _finding("csrf-disabled", "low", scan, deco.lineno, "view exempted from CSRF protection")


def _cors_objects(scan: Scan) -> frozenset[str]:
    """Names bound to ``CORS()`` in this file, configured later by ``name.init_app(app, ...)``."""
    names: set[str] = set()
    for stmt, _ctx in scan.assigns:
        value = getattr(stmt, "value", None)
        if isinstance(value, ast.Call) and scan.resolved(value) == "flask_cors.CORS":
            names.update(t.id for t in getattr(stmt, "targets", ()) if isinstance(t, ast.Name))
    return frozenset(names)


def _config_pairs(scan: Scan) -> list[tuple[str, ast.expr, int]]:
    """``(key, value, line)`` of CORS settings written as configuration keys."""
    pairs: list[tuple[str, ast.expr, int]] = []
    for stmt, _ctx in scan.assigns:
        value = getattr(stmt, "value", None)
        for target in getattr(stmt, "targets", ()):
            name = assigned_name(target)
            if name in CORS_CONFIG_KEYS and value is not None:
                pairs.append((name, value, stmt.lineno))
        if isinstance(value, ast.Dict):
            for k, v in zip(value.keys, value.values, strict=True):
                if (key := str_value(k)) in CORS_CONFIG_KEYS:
                    pairs.append((key, v, v.lineno))
    for call, _ctx, _callee, _canonical in scan.index().select(keywords=True):
        for kw in call.keywords:
            if kw.arg in CORS_CONFIG_KEYS:
                pairs.append((kw.arg, kw.value, kw.value.lineno))
    return pairs


def _cors_config(scan: Scan, default_origins: bool) -> Finding | None:
    """``CORS_SUPPORTS_CREDENTIALS = True`` with ``CORS_ORIGINS = "*"`` (or no origins at all
    where this file starts flask-cors with its any-origin default)."""
    pairs = _config_pairs(scan)
    credentials = [
        line for key, v, line in pairs if key == "CORS_SUPPORTS_CREDENTIALS" and _true(v)
    ]
    if not credentials:
        return None
    origins = [v for key, v, _line in pairs if key == "CORS_ORIGINS"]
    if (origins and any(_is_wildcard(o) for o in origins)) or (not origins and default_origins):
        return _finding(
            "cors-wildcard-credentials",
            "high",
            scan,
            credentials[0],
            "CORS configured to allow any origin together with credentials",
        )
    return None


def check(scan: Scan) -> list[Finding]:
    found: list[Finding] = []
    cors_objects = _cors_objects(scan) if "flask_cors.CORS" in scan.facts.imports.values() else ()
    default_origins = False
    index = scan.index()
    cors_calls = index.select(to=("flask_cors.CORS",), named=("init_app",) if cors_objects else ())
    for call, _ctx, _callee, canonical in cors_calls:
        starts_cors = canonical == "flask_cors.CORS" or (
            bool(cors_objects)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "init_app"
            and dotted(call.func.value) in cors_objects
        )
        if starts_cors and call.args and keyword(call, "origins") is None:
            default_origins = default_origins or keyword(call, "resources") is None
    if (f := _cors_config(scan, default_origins)) is not None:
        found.append(f)
    # Every check below needs one of these names, or a keyword argument.
    for call, ctx, callee, canonical in index.select(to=CONNECTS | DEBUGGERS, keywords=True):
        if (
            cors_objects
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "init_app"
            and dotted(call.func.value) in cors_objects
        ):
            canonical = "flask_cors.CORS"
        # Cheap guards first: most calls are none of these.
        if canonical in CONNECTS and (f := _connection(call, canonical, ctx, scan)):
            connection: Finding | None = f
        else:
            connection = None
        if canonical in DEBUGGERS and (f := _debugger(call, canonical, ctx, scan)):
            found.append(f)
        if not call.keywords:
            # debug, CORS and CSRF settings are all keyword arguments
            if connection is not None:
                found.append(connection)
            continue
        func = call.func
        is_run = isinstance(func, ast.Attribute) and func.attr == "run"
        if is_run and (f := _debug_run(call, callee, ctx, scan)) is not None:
            found.append(f)
        if canonical in CORS_CALLS and (f := _cors(call, canonical, scan)) is not None:
            found.append(f)
        if connection is not None:
            found.append(connection)
        if (f := _csrf_keyword(call, ctx, scan)) is not None:
            found.append(f)
    constant = ast.Constant
    for stmt, ctx in scan.assigns:
        # Every finding of ``_assignment`` needs a literal True or False assigned.
        value = getattr(stmt, "value", None)
        if value.__class__ is constant and (value.value is True or value.value is False):
            found.extend(_assignment(stmt, ctx, scan))
    for deco, dctx in scan.decorators:
        if (f := _exempt(deco, dctx, scan)) is not None:
            found.append(f)
    found.extend(_debug_defaults(scan))
    return found
