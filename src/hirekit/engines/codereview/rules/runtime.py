"""Settings that change how the running app behaves: debug, CSRF, CORS, shared connections."""

from __future__ import annotations

import ast
import re

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.scan import Ctx, Scan, dotted, keyword, str_value

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
TEST_CONTEXT = re.compile(r"test", re.IGNORECASE)


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
    if message is None or _in_tests(ctx):
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
        name = (
            target.id
            if isinstance(target, ast.Name)
            else target.attr
            if isinstance(target, ast.Attribute)
            else str_value(target.slice)
            if isinstance(target, ast.Subscript)
            else None
        )
        if name in ("WTF_CSRF_ENABLED", "CSRF_ENABLED") and _false(stmt.value):
            found.append(_finding("csrf-disabled", "medium", scan, stmt.lineno, f"{name} = False"))
        elif name == "csrf" and ctx.cls == "Meta" and _false(stmt.value):
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
            isinstance(target, ast.Subscript)
            and name == "DEBUG"
            and _true(stmt.value)
            and (dotted(target.value) or "").endswith("config")
        ):
            found.append(
                _finding("debug-run", "medium", scan, stmt.lineno, 'config["DEBUG"] = True in code')
            )
    return found


def _exempt(deco: ast.expr, scan: Scan) -> Finding | None:
    name = dotted(deco.func if isinstance(deco, ast.Call) else deco)
    if name is None or not name.endswith(".exempt") or "csrf" not in name.lower():
        return None
    return _finding("csrf-disabled", "low", scan, deco.lineno, "view exempted from CSRF protection")


def check(scan: Scan) -> list[Finding]:
    found: list[Finding] = []
    for call, ctx, callee, canonical in scan.resolved_calls():
        # Cheap guards first: most calls are none of these.
        if canonical in CONNECTS and (f := _connection(call, canonical, ctx, scan)):
            connection: Finding | None = f
        else:
            connection = None
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
    for stmt, ctx in scan.assigns:
        found.extend(_assignment(stmt, ctx, scan))
    for deco, _ctx in scan.decorators:
        if (f := _exempt(deco, scan)) is not None:
            found.append(f)
    return found
