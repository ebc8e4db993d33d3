from __future__ import annotations

import os
from pathlib import Path

import pytest

from hirekit.engines.guide import Guide, default_guide

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def guide() -> Guide:
    return default_guide()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without HIREKIT_CORPUS_DIR this folder's corpus tests are deselected, not passed."""
    if os.environ.get("HIREKIT_CORPUS_DIR"):
        return
    deselected = [
        item for item in items if item.get_closest_marker("corpus") and HERE in item.path.parents
    ]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item not in deselected]
