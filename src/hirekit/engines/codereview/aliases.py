"""Second names for classes, so that name resolution (imports) follows them.

``WebAdmin = WebUI`` in a module, then ``WebAdmin(env)`` elsewhere, builds a WebUI:
when WebUI subclasses Flask that call makes the app.
"""

from __future__ import annotations

import ast

from hirekit.engines.codereview.scan import Scan, dotted


def class_aliases(scan: Scan) -> dict[str, str]:
    """Module-level ``WebAdmin = WebUI``: a second name for a class (both capitalised)."""
    found: dict[str, str] = {}
    for stmt, ctx in scan.assigns:
        if ctx.func is not None or ctx.cls is not None or not isinstance(stmt, ast.Assign):
            continue
        value = dotted(stmt.value) if isinstance(stmt.value, ast.Name | ast.Attribute) else None
        last = value.rsplit(".", 1)[-1] if value else ""
        if value is None or not last[:1].isupper() or last.isupper():
            continue  # a class is CamelCase; an upper-case name is a constant
        for target in stmt.targets:
            if isinstance(target, ast.Name) and target.id[:1].isupper() and target.id != value:
                found[target.id] = value
    return found
