from __future__ import annotations

import pytest

from hirekit.engines.guide import Guide, default_guide


@pytest.fixture(scope="session")
def guide() -> Guide:
    return default_guide()
