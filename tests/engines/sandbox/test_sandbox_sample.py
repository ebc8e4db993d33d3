"""A well-behaved Flask take-home: own tests and hidden tests counted and reported."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from hirekit.cli import cli
from hirekit.engines.sandbox import run_tests
from hirekit.takehomes.sandbox_cli import takehome_group

from .conftest import SMALL, write_project

pytestmark = pytest.mark.sandbox

APP = """\
from flask import Flask

ITEMS = ["a", "b", "c"]


def create_app():
    app = Flask(__name__)

    @app.get("/items/<int:n>")
    def item(n):
        return {"item": ITEMS[n]}  # past the end: IndexError, a 500

    return app
"""

OWN_TESTS = """\
from app import create_app


def test_first_item():
    assert create_app().test_client().get("/items/0").json == {"item": "a"}


def test_second_item_is_wrong():
    assert create_app().test_client().get("/items/1").json == {"item": "z"}
"""

# HIDDEN-SUITE-SOURCE-MARKER: this comment must never reach a result.
HIDDEN_TESTS = """\
# HIDDEN-SUITE-SOURCE-MARKER
import pytest
from app import create_app


def test_item_ok():
    assert create_app().test_client().get("/items/2").status_code == 200


def test_paging_past_the_end_is_404():
    assert create_app().test_client().get("/items/9").status_code == 404


@pytest.mark.skip(reason="not graded")
def test_skipped():
    pass


@pytest.fixture
def broken():
    raise RuntimeError("fixture broke")


def test_with_broken_fixture(broken):
    pass
"""


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, Path]:
    project = write_project(tmp_path / "project", {"app.py": APP, "tests/test_items.py": OWN_TESTS})
    hidden = write_project(tmp_path / "hidden", {"test_hidden.py": HIDDEN_TESTS})
    for path in (project, hidden, tmp_path):
        path.chmod(0o755)
    return project, hidden


def test_counts_outcomes_and_messages(sandbox_run, sample):
    result = sandbox_run(*sample)
    data = result.to_dict()
    assert data["refused"] is None
    assert data["sandbox"] == {"tool": "bubblewrap", "network": False, "limits": SMALL.to_dict()}
    own = data["own_tests"]
    assert (own["status"], own["passed"], own["failed"], own["errors"]) == ("completed", 1, 1, 0), (
        own["output"]
    )
    hidden = data["hidden_tests"]
    assert (hidden["passed"], hidden["failed"], hidden["errors"], hidden["skipped"]) == (1, 1, 1, 1)
    by_id = {t["id"]: t for t in hidden["tests"]}
    failing = by_id["test_hidden::test_paging_past_the_end_is_404"]
    assert failing["outcome"] == "failed"
    assert failing["message"] == "AssertionError: assert 500 == 404"
    assert by_id["test_hidden::test_with_broken_fixture"]["outcome"] == "error"
    assert "fixture broke" in by_id["test_hidden::test_with_broken_fixture"]["message"]
    assert by_id["test_hidden::test_item_ok"]["duration"] >= 0
    assert data["seconds"] > 0


def test_hidden_tests_give_ids_and_messages_only(sandbox_run, sample):
    data = sandbox_run(*sample).to_dict()
    assert "output" not in data["hidden_tests"]
    assert "HIDDEN-SUITE-SOURCE-MARKER" not in json.dumps(data)
    assert set(data["hidden_tests"]["tests"][0]) == {"id", "outcome", "duration", "message"}


def test_hidden_tests_are_not_visible_to_the_own_tests_run(sandbox_run, tmp_path):
    project = write_project(
        tmp_path / "project",
        {
            "test_peek.py": "import os\n\ndef test_peek():\n"
            "    assert sorted(os.listdir('/in')) == ['project', 'tracer']\n"
            "    assert not os.path.exists('/work/hidden')\n"
        },
    )
    hidden = write_project(tmp_path / "hidden", {"test_h.py": "def test_h():\n    pass\n"})
    result = sandbox_run(project, hidden)
    assert result.own_tests.count("passed") == 1, result.own_tests.output


def test_archives_are_unpacked_safely(sandbox_run, sample, tmp_path):
    project, hidden = sample
    project_zip = tmp_path / "project.zip"
    with zipfile.ZipFile(project_zip, "w") as zf:
        for path in project.rglob("*.py"):
            zf.write(path, f"takehome-1.0/{path.relative_to(project)}")
    hidden_tgz = tmp_path / "hidden.tar.gz"
    with tarfile.open(hidden_tgz, "w:gz") as tf:
        tf.add(hidden / "test_hidden.py", "test_hidden.py")
    data = sandbox_run(project_zip, hidden_tgz).to_dict()
    assert (data["own_tests"]["passed"], data["hidden_tests"]["failed"]) == (1, 1)

    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tf:
        info = tarfile.TarInfo("../escape.py")
        info.size = 1
        tf.addfile(info, io.BytesIO(b"x"))
    refused = sandbox_run(evil, hidden).to_dict()["refused"]
    assert refused["code"] == "input-refused"
    assert "'..'" in refused["message"]


def test_cli_prints_the_json_document(sample, venv_cache, monkeypatch):
    monkeypatch.setenv("HIREKIT_SANDBOX_VENV_CACHE", str(venv_cache))
    monkeypatch.setenv("HIREKIT_SANDBOX_PROCESSES", "24")
    project, hidden = sample
    result = CliRunner().invoke(
        takehome_group, ["run", str(project), "--tests", str(hidden), "--timeout", "30"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema_version"] == 1
    assert data["sandbox"]["limits"]["wall_seconds"] == 30
    assert data["sandbox"]["limits"]["processes"] == 24
    assert (data["hidden_tests"]["passed"], data["hidden_tests"]["failed"]) == (1, 1)
    text = CliRunner().invoke(
        takehome_group, ["run", str(project), "--tests", str(hidden), "--format", "text"]
    )
    assert text.exit_code == 0
    assert (
        "FAILED test_hidden::test_paging_past_the_end_is_404: AssertionError: assert 500 == 404"
        in text.output
    )


def test_cli_is_registered(runner):
    result = runner.invoke(cli, ["takehome", "run", "--help"])
    assert result.exit_code == 0
    assert "--requirements" in result.output


def test_refused_without_bubblewrap_and_nothing_runs(tmp_path, monkeypatch):
    marker = tmp_path / "ran"
    project = write_project(
        tmp_path / "project",
        {"test_x.py": f"def test_x():\n    open({str(marker)!r}, 'w').write('ran')\n"},
    )
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no bwrap on this PATH
    result = run_tests(project, None, None, SMALL)
    assert result.refused is not None
    assert result.refused["code"] == "sandbox-unavailable"
    assert "bubblewrap" in result.refused["message"]
    assert not marker.exists()
    out = CliRunner().invoke(takehome_group, ["run", str(project)])
    assert out.exit_code == 2
    assert json.loads(out.output)["refused"]["code"] == "sandbox-unavailable"


def test_folders_get_the_archive_bounds(sandbox_run, tmp_path):
    project = tmp_path / "huge"
    project.mkdir()
    for n in range(20_001):
        (project / f"f{n}.txt").touch()
    refused = sandbox_run(project).to_dict()["refused"]
    assert refused == {"code": "input-refused", "message": "huge holds more than 20000 files"}


def test_own_tests_record_the_project_functions_they_call(sandbox_run, sample):
    result = sandbox_run(*sample)
    called = {(file, name) for file, _line, name in result.own_tests.called}
    assert ("app.py", "item") in called and ("app.py", "create_app") in called
    assert all(not file.startswith("/") for file, _line, _name in result.own_tests.called)
    assert result.hidden_tests.called == ()  # the hidden run is not traced
