"""Fixtures for the code review engine: small project trees written per test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from textwrap import dedent

import pytest

from hirekit.engines.codereview import Report, review

Tree = dict[str, str]


def write_tree(root: Path, files: Tree) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Callable[[Tree], Path]:
    """Write a project tree and return its root."""

    def make(files: Tree) -> Path:
        return write_tree(tmp_path / "proj", files)

    return make


@pytest.fixture
def reviewed(project: Callable[[Tree], Path]) -> Callable[[Tree], Report]:
    """Write a project tree and review it."""

    def make(files: Tree) -> Report:
        return review(project(files))

    return make
