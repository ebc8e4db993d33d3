"""Fixtures for guide tests: the packaged guide as raw TOML data to mutate."""

from __future__ import annotations

import importlib.resources
import tomllib
from typing import Any

import pytest


@pytest.fixture
def flask_toml_text() -> str:
    """The packaged flask.toml, read as a file the way a guide author edits it."""
    return (importlib.resources.files("hirekit.guides") / "flask.toml").read_text("utf-8")


@pytest.fixture
def flask_data(flask_toml_text: str) -> dict[str, Any]:
    """A fresh parse of flask.toml per test, so tests can break it freely."""
    return tomllib.loads(flask_toml_text)
