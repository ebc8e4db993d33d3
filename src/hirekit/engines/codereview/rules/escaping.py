"""Fields the code fills with escaped or sanitised HTML, for the templates rule.

``result["content"] = highlight(escape(text))`` in a view makes
``{{ result.content|safe }}`` in a template safe: the HTML was escaped where it
was made, which is what ``|safe`` asks for. Fields are named with the variable
that holds them (``result.content``), as views and templates usually share it;
``infobox.content`` stays unescaped.
"""

from __future__ import annotations

import ast

from hirekit.engines.codereview.scan import Scan, str_value

#: HTML escapers, and sanitisers that keep only allowed HTML (``re.escape`` is neither).
ESCAPERS = frozenset(
    {
        "html.escape",
        "cgi.escape",
        "markupsafe.escape",
        "markupsafe.Markup.escape",
        "flask.escape",
        "jinja2.escape",
        "xml.sax.saxutils.escape",
        "bleach.clean",
        "bleach.linkify",
        "nh3.clean",
    }
)


def _escapes(node: ast.AST, scan: Scan) -> bool:
    return any(
        isinstance(inner, ast.Call) and scan.resolved(inner) in ESCAPERS for inner in ast.walk(node)
    )


def _field(target: ast.AST) -> str | None:
    """``row.content`` for ``row["content"]`` or ``row.content``; a bare name is no field."""
    if isinstance(target, ast.Attribute):
        key: str | None = target.attr
    elif isinstance(target, ast.Subscript):
        key = str_value(target.slice)
    else:
        return None
    holder = target.value
    if key is None or not isinstance(holder, ast.Name):
        return None
    return f"{holder.id}.{key}"


def escaped_fields(scan: Scan) -> set[str]:
    """``variable.field`` for each item key and attribute this file assigns escaped text to."""
    fields: set[str] = set()
    # Every call of the file is among its resolved calls: without an escaper there,
    # no assignment can hold escaped text.
    if not scan.index().any_to(ESCAPERS):
        return fields
    for stmt, _ctx in scan.assigns:
        value = getattr(stmt, "value", None)
        if not isinstance(stmt, ast.Assign) or value is None:
            continue
        names = {f for t in stmt.targets if (f := _field(t)) is not None}
        if names and _escapes(value, scan):
            fields |= names
    return fields
