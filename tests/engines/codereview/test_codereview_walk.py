"""The fast walk, winnowing and helpers agree with their plain reference forms."""

from __future__ import annotations

import ast
import zlib
from pathlib import Path, PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st

import hirekit.engines.codereview.analyse as analyse
from hirekit.engines.codereview import review
from hirekit.engines.codereview.fingerprint import tokens_of
from hirekit.engines.codereview.sources import module_name
from hirekit.engines.codereview.winnow import window_minima

SOURCE = '''
"""Module docstring."""
import os as o, flask
from . import sibling
x: int = 3
y = {**{}, "K": 1, 2: [a for a in b if a], "s": {1, 2}}
def outer(a, /, b=1, *c, d: int = 2, **e) -> "ret":
    """doc"""
    global gg
    def inner():
        nonlocal a
        return lambda q: q + 1 if q else -q
    match a:
        case {"k": 1, **rest}: pass
        case [1, *others]: pass
        case Point(x=0, y=yy) as pt: pass
        case None | True: pass
        case _: pass
    z = [i async for i in b] if (w := 3) else f"{a!r:>{b}}"
    del z[0], b.c
    return inner
@deco
@other.route("/x")
async def view(name):
    async with ctx() as (p, r): pass
    try: raise ValueError
    except* ValueError as err: pass
    finally: yield from name
    assert x, "m"
    while True: break
    for i in range(3): continue
class C(Base, metaclass=M):
    methods = ["GET"]
    def get(self): return a[1:2, ::3] is not b
'''


class Reference(ast.NodeVisitor):
    """The token stream as first specified: pre-order node kinds, names ignored."""

    def __init__(self) -> None:
        self.tokens: list[str] = []

    def visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.Load | ast.Store | ast.Del):
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            return
        value = node.value if isinstance(node, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return  # docstrings and bare strings are not code
        if isinstance(node, ast.Constant):
            self.tokens.append("S" if isinstance(node.value, str) else "C")
            return
        self.tokens.append(type(node).__name__)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            children = [*node.decorator_list, node.args, *node.body]
        elif isinstance(node, ast.ClassDef):
            children = [*node.decorator_list, *node.bases, *node.keywords, *node.body]
        else:
            children = list(ast.iter_child_nodes(node))
        for child in children:
            self.visit(child)


def test_walk_tokens_match_the_reference_visitor() -> None:
    reference = Reference()
    reference.visit(ast.parse(SOURCE))
    expected = [zlib.crc32(t.encode()) + 1 for t in reference.tokens]
    assert tokens_of(SOURCE) == expected
    assert len(expected) > 150


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=1, max_size=60), st.integers(1, 9))
def test_window_minima_match_every_window(values: list[int], w: int) -> None:
    if len(values) < w:
        return
    expected = {min(values[i : i + w]) for i in range(len(values) - w + 1)}
    assert window_minima(values, w) == expected


def _module_name_reference(rel: str) -> str:
    parts = list(PurePosixPath(rel).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    if parts and parts[0] == "src" and len(parts) > 1:
        parts = parts[1:]
    return ".".join(parts)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["src", "pkg", "__init__", ".", "..", "", "a.b", ".h"]), max_size=4)
)
def test_module_name_matches_the_path_based_form(parts: list[str]) -> None:
    for name in ("__init__.py", "mod.py", ".py", "x.pyi"):
        rel = "/".join([*parts, name])
        assert module_name(rel) == _module_name_reference(rel)


def test_pool_and_serial_reviews_are_identical(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "p"
    (root / "api").mkdir(parents=True)
    (root / "app.py").write_text(
        "from flask import Flask\nfrom flask_restful import Api\n"
        "app = Flask(__name__)\napp.config['SECRET_KEY'] = 'k3Y!x9'\napi = Api(app)\n"
    )
    for i in range(24):
        (root / "api" / f"r{i}.py").write_text(
            "from flask import request\nfrom flask_restful import Resource\n"
            "from app import api, app\n"
            f"class R{i}(Resource):\n    def get(self):\n"
            f"        return db.execute(f'SELECT * FROM t WHERE x = {{request.args}}')\n"
            f"api.add_resource(R{i}, '/r{i}')\n"
            f"@app.route('/f{i}')\ndef f{i}():\n    return 'x'\n"
        )
    serial = review(root)
    monkeypatch.setattr(analyse, "POOL_THRESHOLD", 5)
    pooled = review(root, jobs=2)
    first, second = serial.to_dict(), pooled.to_dict()
    for data in (first, second):
        data["stats"].pop("seconds")
    assert first == second
    assert serial.fingerprint == pooled.fingerprint
    assert len(first["routes"]) == 48
    assert {f["rule"] for f in first["findings"]} >= {"sql-string-format", "hardcoded-secret"}
