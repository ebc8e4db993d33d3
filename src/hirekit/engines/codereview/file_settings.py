"""Facts read from one file's calls after the pass: extensions started on the app, and
which settings come from the environment.

Extensions: any ``X(app)`` or ``x = X(); x.init_app(app)`` on a name imported from
another package counts (``APIFairy(app)``), not only the modules of the known table;
the project model keeps those whose package is a declared dependency or a Flask one.
Settings: only the ones that matter to a reviewer are tracked, the signing key and
the database URL, so that reading ``PORT`` from the environment earns no credit.
"""

from __future__ import annotations

import ast
import re

from hirekit.engines.codereview.scan import Scan, dotted, str_value

APP_NAMES = frozenset({"app", "application", "flask_app"})
NOT_EXTENSIONS = frozenset(
    {"flask", "werkzeug", "jinja2", "click", "os", "sys", "logging", "typing", "functools"}
)
#: Settings whose source tells whether the configuration is really per environment.
KEY_SETTING = re.compile(
    r"(SECRET_KEY|SECRET|DATABASE_URL|DATABASE_URI|SQLALCHEMY_DATABASE_URI|DB_URL|DB_URI)$",
    re.IGNORECASE,
)
ENV_CALLS = frozenset(
    {"os.getenv", "os.environ.get", "os.environ.setdefault", "decouple.config", "os.environ.pop"}
)
#: Reading the whole configuration from the environment.
WHOLE_CONFIG = frozenset({"from_prefixed_env", "from_envvar"})
WHOLE_CONFIG_ENDS = tuple(WHOLE_CONFIG)


def init_extensions(scan: Scan) -> set[str]:
    """Top-level module names of classes started on the app (``X(app)``, ``x.init_app(app)``)."""
    imports = scan.facts.imports
    made: dict[str, str] | None = None  # local name -> module of the class it was made from
    tops: set[str] = set()
    for _call, _ctx, callee, _canonical in scan.index().select(first_named=APP_NAMES):
        if callee is None:
            continue
        head, _, rest = callee.partition(".")
        if rest == "init_app":
            if made is None:  # the assignments are read only for a file that has one
                made = _made_from_imports(scan)
            if head not in made:
                continue
            module = made[head]
        elif not rest and head[:1].isupper() and head in imports:
            module = imports[head]
        else:
            continue
        top = module.split(".", 1)[0]
        if top not in NOT_EXTENSIONS:
            tops.add(top)
    return tops


def _made_from_imports(scan: Scan) -> dict[str, str]:
    """Names assigned an instance of an imported class, with the class's module."""
    imports = scan.facts.imports
    made: dict[str, str] = {}
    for stmt, _ctx in scan.assigns:
        value = getattr(stmt, "value", None)
        if isinstance(value, ast.Call) and (callee := dotted(value.func)):
            module = imports.get(callee.split(".", 1)[0])
            if module is not None:
                for target in getattr(stmt, "targets", ()):
                    if isinstance(target, ast.Name):
                        made[target.id] = module
    return made


def env_settings(scan: Scan) -> set[str]:
    """Key settings read from the environment (``"*"`` when the whole config is)."""
    keys: set[str] = set()
    index = scan.index()
    whole: set[int] = set()  # calls that read the whole configuration, not one key
    for call, _ctx, callee, _canonical in index.select(named=WHOLE_CONFIG):
        if (
            callee is not None
            and callee.endswith(WHOLE_CONFIG_ENDS)
            and callee.rsplit(".", 1)[-1] in WHOLE_CONFIG
        ):
            keys.add("*")
            whole.add(id(call))
    for call, callee in index.passing_text():
        key = str_value(call.args[0])
        if key is None or not KEY_SETTING.search(key) or id(call) in whole:
            continue
        canonical = index.canonical[callee]
        env_like = canonical in ENV_CALLS or "env" in (callee or "").lower()
        if env_like:
            keys.add(key.upper())
    for node in scan.assigned_subscripts:
        if (
            scan.canon(dotted(node.value)) == "os.environ"
            and (key := str_value(node.slice))
            and KEY_SETTING.search(key)
        ):
            keys.add(key.upper())
    return keys


HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")
OUTGOING = frozenset(f"{lib}.{verb}" for lib in ("requests", "httpx") for verb in HTTP_VERBS)
STATUS_CALLS = frozenset({"flask.abort", "werkzeug.exceptions.abort", "flask.make_response"})


def _is_int(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


def outgoing_calls(scan: Scan) -> list[tuple[int, bool]]:
    """``(line, has a timeout)`` of each HTTP call to another service."""
    found: list[tuple[int, bool]] = []
    for call, _ctx, _callee, canonical in scan.index().select(to=OUTGOING):
        if canonical in OUTGOING:
            timed = any(kw.arg == "timeout" or kw.arg is None for kw in call.keywords)
            found.append((call.lineno, timed))
    return found


def _sets_status(call: ast.Call, canonical: str | None) -> bool:
    if canonical in STATUS_CALLS and any(_is_int(a) for a in call.args):
        return True
    return any(kw.arg in ("status", "status_code") and _is_int(kw.value) for kw in call.keywords)


def status_codes(scan: Scan) -> int:
    """Explicit status codes set through calls: ``abort(404)``, ``Response(..., status=201)``."""
    return sum(
        1
        for call, _c, _n, canonical in scan.index().select(to=STATUS_CALLS, keywords=True)
        if (call.keywords or canonical in STATUS_CALLS) and _sets_status(call, canonical)
    )
