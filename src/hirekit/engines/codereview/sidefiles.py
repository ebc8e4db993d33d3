"""Non-Python inputs: dependency lists, env files, templates."""

from __future__ import annotations

import configparser
import re
import tomllib
from collections.abc import Iterable

from hirekit.engines.codereview.facts import FileFacts, Finding
from hirekit.engines.codereview.sources import SourceFile

REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
JINJA_EXPR = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
SAFE_FILTER = re.compile(r"\|\s*safe\b")
#: ``post.body``, ``item["html"]``, ``rows[0].text``: what an object holds, no call, no filter.
STORED = re.compile(r"^\s*([A-Za-z_]\w*)(?:\.\w+|\[\s*(?:\d+|'[^']*'|\"[^\"]*\")\s*\])+\s*$")
WHITESPACE_CONTROL = re.compile(r"^\s*[-+]|[-+]\s*$")
#: The field a stored reference ends in: ``content`` of ``result.content`` or ``row["content"]``.
LAST_FIELD = re.compile(r"(\w+)['\"]?\s*\]?\s*$")
#: Roots whose attributes the code or the operator wrote: settings, form definitions
#: (a field's label and description), Jinja's own loop and caller, the request's
#: non-client parts (its client data is REQUEST_DATA).
CODE_ROOTS = frozenset({"config", "request", "field", "form", "loop", "caller", "self", "g"})
REQUEST_DATA = re.compile(r"\brequest\.(args|form|values|json|data|cookies|headers|files|get_json)")
#: ``secret_key : "ultrasecretkey"`` in a YAML settings file: a key Flask signs with.
YAML_SIGNING_KEY = re.compile(
    r"^[ \t]*(\w*secret_key|secret|signing_key)[ \t]*:[ \t]*([\"']?)([^\"'#\s]+)\2",
    re.IGNORECASE | re.MULTILINE,
)
SECRET_ENV = re.compile(r"^\s*(?:export\s+)?(\w*SECRET_KEY)\s*=\s*(\S+)", re.MULTILINE)
YAML_WHY = (
    "The settings file ships with every copy of the code; a deployment that keeps it "
    "signs sessions with a key everyone can read. Read the key from the environment."
)
UNSAFE_MARKUP_WHY = (
    "|safe turns off autoescaping, so request or stored data in it renders as raw HTML "
    "(cross-site scripting); leave it escaped, or sanitise the HTML where it is made."
)


def _read(source: SourceFile) -> str | None:
    try:
        return source.path.read_text("utf-8", errors="replace")
    except OSError:
        return None


def _names_from_lines(lines: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-") and (m := REQUIREMENT.match(line)):
            names.add(m.group(1).lower().replace("_", "-"))
    return names


def _from_toml(text: str, pipfile: bool) -> set[str]:
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return set()
    if pipfile:
        packages = data.get("packages", {})
        return {str(k).lower() for k in packages} if isinstance(packages, dict) else set()
    deps = data.get("project", {}).get("dependencies", [])
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {})
    names = (
        _names_from_lines(d for d in deps if isinstance(d, str))
        if isinstance(deps, list)
        else set()
    )
    if isinstance(poetry, dict):
        names |= {str(k).lower() for k in poetry if k != "python"}
    return names


def _from_setup_cfg(text: str) -> set[str]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
        return _names_from_lines(
            parser.get("options", "install_requires", fallback="").splitlines()
        )
    except configparser.Error:
        return set()


def dependencies(files: Iterable[SourceFile]) -> list[str]:
    """Declared distribution names, lower-case (setup.py is read as Python elsewhere)."""
    names: set[str] = set()
    for source in files:
        name = source.path.name
        text = _read(source)
        if text is None or name == "setup.py":
            continue
        if name.endswith(".txt"):
            names |= _names_from_lines(text.splitlines())
        elif name == "pyproject.toml":
            names |= _from_toml(text, pipfile=False)
        elif name == "Pipfile":
            names |= _from_toml(text, pipfile=True)
        elif name == "setup.cfg":
            names |= _from_setup_cfg(text)
    return sorted(names)


def _safe_finding(body: str, escaped: frozenset[str]) -> tuple[str, str] | None:
    """(severity, message) for ``{{ body }}`` when it turns a variable's escaping off;
    ``escaped`` fields hold HTML the code escaped where it made it."""
    safe = SAFE_FILTER.search(body)
    if safe is None:
        return None
    body = WHITESPACE_CONTROL.sub("", body)  # ``{{- x|safe -}}`` trims spaces, nothing more
    safe = SAFE_FILTER.search(body)
    if safe is None:
        return None
    if REQUEST_DATA.search(body):
        return "high", "request data rendered with |safe"
    # What a model holds (``post.body``); a bare name is often HTML the view built,
    # and a literal or a call's result is the code's own.
    stored = STORED.match(body[: safe.start()])
    if stored is None:
        return None
    root = stored.group(1)
    if root in CODE_ROOTS or "config" in root.lower():
        return None
    last = LAST_FIELD.search(stored.group(0))
    if last is not None and f"{root}.{last.group(1)}" in escaped:
        return None
    return "medium", f"stored data {stored.group(0).strip()} rendered with |safe"


def template_findings(
    templates: Iterable[SourceFile], escaped: frozenset[str] = frozenset()
) -> list[Finding]:
    """``|safe`` applied to request data or a variable inside ``{{ }}``; Jinja comments
    never count, nor fields the code fills with escaped HTML (``escaped``)."""
    found: list[Finding] = []
    for source in templates:
        text = _read(source)
        if text is None or "safe" not in text:
            continue
        # Blank comments out but keep their newlines so line numbers stay right.
        text = JINJA_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        for m in JINJA_EXPR.finditer(text):
            judged = _safe_finding(m.group(1), escaped)
            if judged is not None:
                line = text.count("\n", 0, m.start()) + 1
                severity, message = judged
                found.append(
                    Finding("unsafe-markup", severity, source.rel, line, message, UNSAFE_MARKUP_WHY)
                )
    return found


def env_findings(env_files: Iterable[SourceFile]) -> list[Finding]:
    """A real-looking SECRET_KEY committed in ``.flaskenv`` (``.env.example`` is an example)."""
    found: list[Finding] = []
    for source in env_files:
        if source.path.name != ".flaskenv":
            continue
        text = _read(source) or ""
        for m in SECRET_ENV.finditer(text):
            value = m.group(2).strip("'\"")
            if value and not value.startswith(("$", "<")):
                line = text.count("\n", 0, m.start()) + 1
                found.append(
                    Finding(
                        "hardcoded-secret",
                        "medium",
                        source.rel,
                        line,
                        f"{m.group(1)} committed in .flaskenv",
                        ".flaskenv is committed and public; secrets belong in the environment.",
                    )
                )
    return found


def _yaml_readers(facts: Iterable[FileFacts]) -> set[str]:
    """Folders holding a module that imports yaml: the settings files it reads sit there."""
    folders = set()
    for f in facts:
        if not f.is_test and any(v == "yaml" or v.startswith("yaml.") for v in f.imports.values()):
            folders.add(f.rel.rpartition("/")[0])
    return folders


def yaml_findings(configs: Iterable[SourceFile], facts: Iterable[FileFacts]) -> list[Finding]:
    """A signing key written in a YAML settings file that the package beside it reads."""
    readers = _yaml_readers(facts)
    found: list[Finding] = []
    for source in configs:
        folder, _, name = source.rel.rpartition("/")
        if source.is_test or not name.endswith((".yml", ".yaml")) or folder not in readers:
            continue
        text = _read(source) or ""
        for m in YAML_SIGNING_KEY.finditer(text):
            if m.group(3).startswith(("$", "<", "{", "!")):
                continue  # a reference to the environment or a template
            line = text.count("\n", 0, m.start()) + 1
            message = f"{m.group(1)} is written in {name}, which the app loads"
            found.append(Finding("hardcoded-secret", "medium", source.rel, line, message, YAML_WHY))
    return found
