"""hardcoded-secret: keys, passwords and tokens written as literals in the code.

What does not count: test-only configuration (a ``configs/test.py`` module, a
``TestingConfig`` class), values that tell the operator to replace them
(``changeme``, ``<your-key>``), sentinels (``'*'`` as an invalid hash, ``''``)
and seed data inside a populate/seed command. A signing key (``SECRET_KEY``,
``secret_key``, a JWT secret) counts whatever its text: Flask signs sessions
with whatever is there.
"""

from __future__ import annotations

import ast
import re

from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.scan import Ctx, Scan, assigned_name, keyword, str_value

RULE = "hardcoded-secret"
WHY = (
    "A secret in the source ships with every copy of the code and every clone of the "
    "repository; anyone who reads it can forge sessions or reach the service. Secrets "
    "belong in the environment or the instance folder."
)
WHY_FALLBACK = (
    "The value comes from the environment, but a literal is used when the variable is "
    "unset, so a deployment that forgets it runs with a key everyone can read. Rated low "
    "wherever it appears: the environment is the intended source."
)
#: Names that always hold a secret.
SECRET_NAME = re.compile(
    r"(secret_key|secret|api_?key|access_key|private_key|signing_key|encryption_key|"
    r"password|passwd|token|salt|client_secret|auth_key)$",
    re.IGNORECASE,
)
#: Names that often hold a secret (``STRIPE_KEY``, ``MAPS_TOKEN``): judged by the value.
MAYBE_SECRET_NAME = re.compile(r"[a-z0-9](_key|_token|_secret|key|token)$", re.IGNORECASE)
#: Keys meant to be published: a reCAPTCHA site key, a Stripe publishable key.
PUBLIC_NAME = re.compile(r"(public|publishable|site)_?key$", re.IGNORECASE)
#: Keys Flask and its extensions sign with: they count even with a placeholder text.
SIGNING_NAME = re.compile(r"^(\w*_)?(secret_key|secret|jwt_secret\w*|signing_key)$", re.IGNORECASE)
#: A value that looks generated: letters and digits, no spaces, 12+ characters.
KEY_LIKE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)\S{12,}$")
ENV_GETTERS = frozenset({"os.getenv", "os.environ.get", "os.environ.setdefault"})
#: Values that tell the operator to replace them, or announce a development default.
PLACEHOLDERS = re.compile(
    r"^(dev|development|test|testing|secret|changeme|change[-_ ]?(me|this|it).*|placeholder.*|"
    r"x{3,}|\*{3,}|\.{3}|your[-_ ].*|.*[-_ ]here|replace[-_ ]?me.*|replace[-_ ].*|default|"
    r"example.*|insecure.*|not[-_ ]?secret.*|super[-_ ]?secret.*|dev[-_ ].*|.*[-_ ]dev|"
    r"todo.*|fixme.*|none|null|pass|passwd|password|pwd|<[^<>]+>|\{\{?[^{}]+\}\}?|\$\{?\w+\}?|%\(\w+\)s)$",
    re.IGNORECASE,
)
READABLE = re.compile(r"[a-z][a-z _.-]{0,40}")
DEV_CONTEXT = re.compile(r"(dev|test|debug|local)", re.IGNORECASE)
#: Classes and modules that hold the configuration of the test suite only.
TEST_CONFIG_CLASS = re.compile(r"(^test|testing|^unittest|test(ing)?config$)", re.IGNORECASE)
TEST_CONFIG_FILE = re.compile(
    r"(^|/)(configs?|settings)/(test|testing|tests|unittest)\w*\.py$|"
    r"(^|/)(test|testing)_?(config|settings)\.py$|(^|/)(config|settings)_?(test|testing)\.py$"
)
#: Functions that fill the database with sample rows (``flask seed``, ``populate_db``).
SEED_FUNCTION = re.compile(r"(seed|populate|fixture|fake|sample|demo)", re.IGNORECASE)
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


def _is_signing_name(name: str) -> bool:
    return bool(SIGNING_NAME.match(name))


def _not_a_secret(value: str) -> bool:
    """Placeholders to replace and sentinels (``'*'``, ``'!'``) that hold no secret."""
    text = value.strip()
    return len(text) < 3 or not any(c.isalnum() for c in text) or bool(PLACEHOLDERS.match(text))


def _names_a_setting(value: str, name: str) -> bool:
    """An enum-like constant naming itself (``RESET_PASSWORD = "reset_password"``) or the
    environment variable or setting that holds the secret
    (``"REDIS_PASSWORD": "RQ_DASHBOARD_REDIS_PASSWORD"``): a name, not a secret."""
    text = value.lower().replace("-", "_")
    key = name.lower()
    if text == key:
        return True
    # An upper-case identifier ending in the same word as the setting is that setting's
    # variable; real keys and passwords are not spelt in upper-case words.
    return (
        value.isupper()
        and text.isidentifier()
        and "_" in text
        and text.rsplit("_", 1)[-1] == key.rsplit("_", 1)[-1]
    )


def _is_env_read(node: ast.AST, scan: Scan) -> bool:
    return isinstance(node, ast.Call) and scan.resolved(node) in ENV_GETTERS


def _literal(node: ast.AST | None) -> str | None:
    value = str_value(node)
    return value if value and value.strip() else None


def _env_default(node: ast.AST, scan: Scan) -> ast.AST | None:
    """The default of ``os.getenv(K, default)`` or ``os.getenv(K) or default``."""
    if _is_env_read(node, scan):
        assert isinstance(node, ast.Call)
        return node.args[1] if len(node.args) > 1 else keyword(node, "default")
    if (
        isinstance(node, ast.BoolOp)
        and isinstance(node.op, ast.Or)
        and any(_is_env_read(v, scan) for v in node.values[:-1])
    ):
        return node.values[-1]
    return None


def _test_only(ctx: Ctx, scan: Scan) -> bool:
    """Configuration the test suite loads: a test config module or class."""
    if TEST_CONFIG_FILE.search(scan.facts.rel):
        return True
    return ctx.cls is not None and bool(TEST_CONFIG_CLASS.search(ctx.cls))


def _seed_data(ctx: Ctx) -> bool:
    return ctx.qualname is not None and bool(SEED_FUNCTION.search(ctx.qualname))


def _severity(value: str, ctx: Ctx) -> str:
    in_dev = any(DEV_CONTEXT.search(part) for part in (ctx.cls or "", ctx.qualname or ""))
    # A lower-case phrase ("secret key", "reallyhardtoguess") is a placeholder
    # someone meant to replace; real keys carry digits, case or symbols.
    if in_dev or PLACEHOLDERS.match(value.strip()) or READABLE.fullmatch(value):
        return "medium"
    return "high"


class _Judge:
    """Judges ``name = value`` pairs of one file."""

    def __init__(self, scan: Scan, fallback_names: frozenset[str]) -> None:
        self.scan = scan
        self.fallback_names = fallback_names
        self.test_file = bool(TEST_CONFIG_FILE.search(scan.facts.rel))
        #: id(ctx) -> test configuration or sample data: one answer per scope, not per pair
        self.skipped: dict[int, bool] = {}
        #: name -> (names a secret, may name one): names repeat across a file
        self.named: dict[str, tuple[bool, bool]] = {}

    def _skipped(self, ctx: Ctx) -> bool:
        skip = self.skipped.get(id(ctx))
        if skip is None:  # a scope seen for the first time (half of all lookups)
            skip = self.skipped[id(ctx)] = (
                self.test_file or _test_only(ctx, self.scan) or _seed_data(ctx)
            )
        return skip

    def _may_flag(self, name: str, value: ast.AST) -> bool:
        """Whether ``name = value`` can be flagged at all: most pairs name no secret, and
        only a literal URL with a password is judged whatever its name."""
        named = self.named.get(name)
        if named is None:
            named = self.named[name] = (
                _is_secret_name(name) or _is_signing_name(name),
                bool(MAYBE_SECRET_NAME.search(name)) or name in self.fallback_names,
            )
        secret, maybe = named
        if secret:
            return True
        if not isinstance(value, ast.Constant):
            return False  # an env read with a default is judged for secret names only
        return maybe or "://" in str(value.value)

    def _fallback(self, name: str, literal: str, line: int) -> Finding | None:
        if _not_a_secret(literal) and not _is_signing_name(name):
            return None
        message = f"{name} falls back to a literal when unset"
        return Finding(RULE, "low", self.scan.facts.rel, line, message, WHY_FALLBACK)

    def __call__(
        self, name: str, value: ast.AST, line: int, ctx: Ctx, cap: bool = False
    ) -> Finding | None:
        """``cap`` keeps arguments of arbitrary calls at medium."""
        if not _candidate(value) or not self._may_flag(name, value) or self._skipped(ctx):
            return None
        scan = self.scan
        default = _env_default(value, scan)
        if default is not None:
            fallback = _literal(default)
            if fallback is not None and (_is_secret_name(name) or _is_signing_name(name)):
                return self._fallback(name, fallback, line)
            return None
        literal = _literal(value)
        if literal is None:
            return None
        signing = _is_signing_name(name)
        if _names_a_setting(literal, name) and not signing:
            return None
        if name in self.fallback_names and ctx.func is None:
            return self._fallback(name, literal, line)
        secret = _is_secret_name(name) or signing
        if PUBLIC_NAME.search(name):
            secret = False
        elif not secret and MAYBE_SECRET_NAME.search(name):
            secret = bool(KEY_LIKE.match(literal))
        if secret:
            if not signing and _not_a_secret(literal):
                return None
            severity = _severity(literal, ctx)
            # Lower-case names are locals and arguments (``token = "Bearer"``), rarely config.
            cap = cap or not (name.isupper() or name == "secret_key")
            if cap and severity == "high" and not name.lower().endswith("secret_key"):
                severity = "medium"
            return Finding(
                RULE, severity, scan.facts.rel, line, f"{name} is a literal in the code", WHY
            )
        match = CREDENTIAL_URL.match(literal)
        if match and not _not_a_secret(match.group(1)) and not match.group(1).startswith("$"):
            return Finding(
                RULE, "medium", scan.facts.rel, line, f"{name} holds a URL with a password", WHY
            )
        return None


def _fallback_names(scan: Scan) -> frozenset[str]:
    """Module constants used as the default of an env read of a secret:
    ``os.getenv("SECRET_KEY", DEFAULT_KEY)`` (not ``os.getenv("PROTOCOLS", PROTOCOLS_RE)``)."""
    names: set[str] = set()

    def secret_key(call: ast.AST) -> bool:
        key = str_value(call.args[0]) if isinstance(call, ast.Call) and call.args else None
        return key is not None and (_is_secret_name(key) or _is_signing_name(key))

    for call, _ctx, _callee, canonical in scan.index().select(to=ENV_GETTERS):
        if canonical in ENV_GETTERS and secret_key(call):
            default = _env_default(call, scan)
            if isinstance(default, ast.Name):
                names.add(default.id)
    for stmt, _ctx in scan.assigns:
        value = getattr(stmt, "value", None)
        if isinstance(value, ast.BoolOp):
            default = _env_default(value, scan)
            if isinstance(default, ast.Name) and any(secret_key(v) for v in value.values):
                names.add(default.id)
    return frozenset(names)


def check(scan: Scan) -> list[Finding]:
    found: list[Finding] = []
    in_dicts: list[Finding] = []  # reported after the calls' findings
    judge = _Judge(scan, _fallback_names(scan))
    for stmt, ctx in scan.assigns:
        value = getattr(stmt, "value", None)
        if value.__class__ is ast.Dict:
            in_dicts.extend(_dict_literal(value, ctx, judge))
            continue  # a dict is no candidate for the names it is assigned to
        if value is None or not _candidate(value):
            continue
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        elif isinstance(stmt, ast.AnnAssign):
            targets = [stmt.target]
        else:
            continue
        for target in targets:
            name = assigned_name(target)
            if name and (f := judge(name, value, stmt.lineno, ctx)):
                found.append(f)
    for call, ctx, callee, canonical in scan.index().select(to=ENV_GETTERS, keywords=True):
        cap: bool | None = None  # worked out for the first keyword that needs judging
        for kw in call.keywords:
            value = kw.value
            if kw.arg and _candidate(value):
                if cap is None:
                    cap = (callee or "").rsplit(".", 1)[-1] not in CONFIG_CALLS
                if f := judge(kw.arg, value, value.lineno, ctx, cap):
                    found.append(f)
        if canonical in ENV_GETTERS and call.args:
            key = str_value(call.args[0])
            if key and (f := judge(key, call, call.lineno, ctx)):
                found.append(f)
    found.extend(in_dicts)
    return found


def _dict_literal(value: ast.Dict, ctx: Ctx, judge: _Judge) -> list[Finding]:
    found: list[Finding] = []
    for key, item in zip(value.keys, value.values, strict=True):
        name = str_value(key)
        # Only configuration-style keys: prose or message keys are not settings.
        if (
            name
            and name.isidentifier()
            and name.isupper()
            and (f := judge(name, item, item.lineno, ctx))
        ):
            found.append(f)
    return found
