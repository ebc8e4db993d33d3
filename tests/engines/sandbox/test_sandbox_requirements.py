"""The runner virtualenv comes from the assignment's pinned requirements, hashes enforced."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hirekit.engines.sandbox import run_tests

from .conftest import SMALL, write_project

pytestmark = pytest.mark.sandbox

SIX_WHEEL_SHA256 = "8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254"


@pytest.fixture
def own_venv_cache() -> Iterator[Path]:
    """A cache of this test's own: what it builds (or refuses to) is all that lands there,
    whatever the other workers of the run build meanwhile."""
    cache = Path(tempfile.mkdtemp(prefix="hirekit-test-venvs-", dir="/tmp"))
    cache.chmod(0o755)
    yield cache
    shutil.rmtree(cache, ignore_errors=True)


def _ready_venvs(cache: Path) -> set[str]:
    return {p.name for p in cache.iterdir() if (p / ".ready").exists()}


def test_hashed_requirements_are_installed_and_pytest_added(own_venv_cache, host_tmp, tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"six==1.16.0 --hash=sha256:{SIX_WHEEL_SHA256}\n")
    project = write_project(
        tmp_path / "p",
        {"test_six.py": "import six\n\ndef test_six():\n    assert six.__version__ == '1.16.0'\n"},
    )
    before = _ready_venvs(own_venv_cache)
    result = run_tests(project, None, requirements, SMALL, cache_dir=own_venv_cache)
    assert result.refused is None
    assert result.own_tests.count("passed") == 1, result.own_tests.output
    assert len(_ready_venvs(own_venv_cache) - before) == 1  # cached under its own key
    again = run_tests(project, None, requirements, SMALL, cache_dir=own_venv_cache)
    assert again.own_tests.count("passed") == 1
    assert len(_ready_venvs(own_venv_cache) - before) == 1  # reused, not rebuilt


def test_a_wrong_hash_is_refused_and_nothing_runs(own_venv_cache, host_tmp, tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"six==1.16.0 --hash=sha256:{'0' * 64}\n")
    project = write_project(tmp_path / "p", {"test_x.py": "def test_x():\n    pass\n"})
    before = _ready_venvs(own_venv_cache)
    result = run_tests(project, None, requirements, SMALL, cache_dir=own_venv_cache)
    assert result.refused is not None
    assert result.refused["code"] == "runner-unavailable"
    assert result.own_tests.status == "absent"
    assert _ready_venvs(own_venv_cache) == before
    assert list(host_tmp.iterdir()) == []
