"""hardcoded-secret: keys, passwords and tokens written as literals in the code."""

from __future__ import annotations

import ast
import re

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.scan import Ctx, Scan, keyword, str_value

RULE = "hardcoded-secret"
WHY = (
    "A secret in the source ships with every copy of the code and every clone of the "
    "repository; anyone who reads it can forge sessions or reach the service. Secrets "
    "belong in the environment or the instance folder."
)
SECRET_NAME = re.compile(
    r"(secret_key|secret|api_?key|access_key|private_key|signing_key|encryption_key|"
    r"password|passwd|token|password_salt)$",
    re.IGNORECASE,
)
ENV_GETTERS = frozenset({"os.getenv", "os.environ.get", "os.environ.setdefault"})
#: Values that announce themselves as development placeholders.
PLACEHOLDERS = re.compile(
    r"^(dev|development|test|testing|secret|changeme|change[-_ ]?me.*|placeholder|x+|"
    r"your[-_ ].*|replace[-_ ].*|default|example|insecure.*|not[-_ ]?secret.*|"
    r"super[-_ ]?secret.*|dev[-_ ].*|.*[-_ ]dev)$",
    re.IGNORECASE,
)
READABLE = re.compile(r"[a-z][a-z _.-]{0,40}")
DEV_CONTEXT = re.compile(r"(dev|test|debug|local)", re.IGNORECASE)
CONFIG_CALLS = frozenset({"from_mapping", "update", "dict", "setdefault"})
CREDENTIAL_URL = re.compile(r"^[a-z][\w+.-]*://[^:/@\s]+:([^@/\s]+)@", re.IGNORECASE)


def _candidate(value: ast.AST) -> bool:
    """Only a string literal or an env lookup (with a fallback) can be judged a secret."""
    kind = value.__class__
    if kind is ast.Constant:
        return value.value.__class__ is str  # type: ignore[attr-defined]
    return kind is ast.Call or kind is ast.BoolOp


def _is_secret_name(name: str) -> bool:
    return bool(SECRET_NAME.search(name))


def _is_env_read(node: ast.AST, scan: Scan) -> bool:
    return isinstance(node, ast.Call) and scan.resolved(node) in ENV_GETTERS


def _literal(node: ast.AST | None) -> str | None:
    value = str_value(node)
    return value if value and value.strip() else None


def _env_fallback(node: ast.AST, scan: Scan) -> str | None:
    """The literal default of ``os.getenv(K, "lit")`` or ``os.getenv(K) or "lit"``."""
    if _is_env_read(node, scan):
        assert isinstance(node, ast.Call)
        default = node.args[1] if len(node.args) > 1 else keyword(node, "default")
        return _literal(default)
    if (
        isinstance(node, ast.BoolOp)
        and isinstance(node.op, ast.Or)
        and any(_is_env_read(v, scan) for v in node.values[:-1])
    ):
        return _literal(node.values[-1])
    return None


def _severity(name: str, value: str, ctx: Ctx) -> str:
    in_dev = any(DEV_CONTEXT.search(part) for part in (ctx.cls or "", ctx.qualname or ""))
    # A lower-case phrase ("secret key", "reallyhardtoguess") is a placeholder
    # someone meant to replace; real keys carry digits, case or symbols.
    if in_dev or PLACEHOLDERS.match(value.strip()) or READABLE.fullmatch(value):
        return "medium"
    return "high"


def _judge(
    name: str, value: ast.AST, line: int, ctx: Ctx, scan: Scan, cap: bool = False
) -> Finding | None:
    """Judge ``name = value``; ``cap`` keeps arguments of arbitrary calls at medium."""
    if not _candidate(value):
        return None
    rel = scan.facts.rel
    fallback = _env_fallback(value, scan)
    if fallback is not None and _is_secret_name(name):
        return Finding(RULE, "low", rel, line, f"{name} falls back to a literal when unset", WHY)
    literal = _literal(value)
    if literal is None:
        return None
    if literal.lower().replace("-", "_") == name.lower():
        return None  # an enum-like constant naming itself: RESET_PASSWORD = "reset_password"
    if _is_secret_name(name):
        severity = _severity(name, literal, ctx)
        # Lower-case names are locals and arguments (``token = "Bearer"``), rarely config.
        cap = cap or not (name.isupper() or name == "secret_key")
        if cap and severity == "high" and not name.lower().endswith("secret_key"):
            severity = "medium"
        return Finding(RULE, severity, rel, line, f"{name} is a literal in the code", WHY)
    match = CREDENTIAL_URL.match(literal)
    if match and not match.group(1).startswith(("$", "{", "<")):
        return Finding(RULE, "medium", rel, line, f"{name} holds a URL with a password", WHY)
    return None


def _assigned_name(target: ast.AST) -> str | None:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        return str_value(target.slice)
    return None


def check(scan: Scan) -> list[Finding]:
    found: list[Finding] = []
    for stmt, ctx in scan.assigns:
        targets: list[ast.expr] = []
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        elif isinstance(stmt, ast.AnnAssign):
            targets = [stmt.target]
        value = getattr(stmt, "value", None)
        if value is None or not _candidate(value):
            continue
        for target in targets:
            name = _assigned_name(target)
            if name and (f := _judge(name, value, stmt.lineno, ctx, scan)):
                found.append(f)
    for call, ctx, callee, canonical in scan.resolved_calls():
        if call.keywords:
            cap = (callee or "").rsplit(".", 1)[-1] not in CONFIG_CALLS
            for kw in call.keywords:
                value = kw.value
                if (
                    kw.arg
                    and _candidate(value)
                    and (f := _judge(kw.arg, value, value.lineno, ctx, scan, cap))
                ):
                    found.append(f)
        if canonical in ENV_GETTERS and call.args:
            key = str_value(call.args[0])
            if key and (f := _judge(key, call, call.lineno, ctx, scan)):
                found.append(f)
    found.extend(_dict_literals(scan))
    return found


def _dict_literals(scan: Scan) -> list[Finding]:
    found: list[Finding] = []
    for stmt, ctx in scan.assigns:
        value = getattr(stmt, "value", None)
        if not isinstance(value, ast.Dict):
            continue
        for key, item in zip(value.keys, value.values, strict=True):
            name = str_value(key)
            # Only configuration-style keys: prose or message keys are not settings.
            if (
                name
                and name.isidentifier()
                and name.isupper()
                and (f := _judge(name, item, item.lineno, ctx, scan))
            ):
                found.append(f)
    return found
