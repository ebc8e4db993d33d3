"""Domains depend one way: no two domain packages import each other.

Reads every module of every domain package (imports inside functions count
too), maps each import to the domain package it reaches, and looks for pairs
that import each other. Cross-domain effects go through ``hirekit.events``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hirekit
from hirekit import DOMAINS

ROOT = Path(hirekit.__file__).parent


def _imported_modules(tree: ast.AST, package: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def domain_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in DOMAINS}
    for domain in DOMAINS:
        for path in (ROOT / domain).rglob("*.py"):
            package = "hirekit." + ".".join(path.relative_to(ROOT).parent.parts)
            for module in _imported_modules(ast.parse(path.read_text("utf-8")), package):
                parts = module.split(".")
                if parts[0] == "hirekit" and len(parts) > 1 and parts[1] in graph:
                    graph[domain].add(parts[1])
        graph[domain].discard(domain)
    return graph


def test_the_graph_sees_imports_at_module_level_and_inside_functions() -> None:
    graph = domain_graph()
    assert "jobs" in graph["candidates"]  # candidates are built on jobs
    assert "accounts" in graph["audit"]
    source = "def f():\n    from hirekit.jobs.models import Job\n    from . import x\n"
    assert {"hirekit.jobs.models", "hirekit.candidates.x"} <= _imported_modules(
        ast.parse(source), "hirekit.candidates"
    )


def test_no_two_domains_import_each_other() -> None:
    graph = domain_graph()
    pairs = {(a, b) for a, targets in graph.items() for b in targets if a < b and a in graph[b]}
    assert pairs == set()
