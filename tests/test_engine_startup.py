"""Engine commands as a user runs them: a fresh process in an empty folder.

They must build no app, open no database and leave no file behind (no
``./instance/secret_key``); the proof is the folder's content and the modules
the process loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Runs the console entry point, then reports which heavy modules were loaded.
RUNNER = """
import sys
from hirekit.entry import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = ("flask", "sqlalchemy", "flask_sqlalchemy", "hirekit.cli")
loaded = sorted(m for m in heavy if m in sys.modules)
sys.stderr.write("LOADED=" + ",".join(loaded) + "\\n")
sys.exit(code)
"""
APP = (
    'from flask import Flask\napp = Flask(__name__)\napp.config["SECRET_KEY"] = "k3y-9a8b7c6d5e"\n'
)


def _run(args: list[str], cwd: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIREKIT_")}
    # Were a database opened, it would be this file, outside the working folder.
    env["HIREKIT_DATABASE_URL"] = f"sqlite:///{tmp_path / 'would-be.sqlite3'}"
    return subprocess.run(
        [sys.executable, "-c", RUNNER, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    (folder / "project").mkdir(parents=True)
    (folder / "project" / "app.py").write_text(APP)
    (folder / "post.md").write_text("Senior Flask engineer. Requirements: 5+ years of Flask.\n")
    (folder / "resume.txt").write_text(
        "Jane Example\njane@example.com\n\nBuilt a REST API in Flask with pytest.\n"
    )
    return folder


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (
            ["review", "{inputs}/project", "--use-case", "microservices"],
            '"use_case": "microservices"',
        ),
        (["review", "--help"], "--use-case"),
        (["screen", "{inputs}/resume.txt", "--format", "json"], '"mentions_flask": true'),
        (["lint-job", "{inputs}/post.md", "--format", "json"], "years-of-flask"),
        (["kit", "--use-case", "rest-api", "--level", "mid", "--format", "json"], '"use_case"'),
    ],
)
def test_engine_command_writes_nothing_and_loads_no_app(
    tmp_path: Path, inputs: Path, args: list[str], expect: str
) -> None:
    cwd = tmp_path / "empty"
    cwd.mkdir()
    result = _run([a.format(inputs=inputs) for a in args], cwd, tmp_path)
    assert result.returncode == 0, result.stderr
    assert expect in result.stdout
    assert list(cwd.iterdir()) == []
    assert not (tmp_path / "would-be.sqlite3").exists()
    assert "LOADED=\n" in result.stderr  # neither Flask, SQLAlchemy nor the app's CLI


def test_review_refuses_bad_input_with_exit_2_and_one_line(tmp_path: Path) -> None:
    cwd = tmp_path / "empty"
    cwd.mkdir()
    result = _run(["review", str(tmp_path / "missing")], cwd, tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "hirekit review: no such file or folder: missing"
    assert list(cwd.iterdir()) == []


def test_review_limits_come_from_the_environment(tmp_path: Path, inputs: Path) -> None:
    (inputs / "project" / "big.py").write_text("x = 1\n" * 200_000)  # 1.2 MB
    cwd = tmp_path / "empty"
    cwd.mkdir()
    os.environ["HIREKIT_REVIEW_MAX_SOURCE_FILE_MB"] = "1"
    try:
        env_result = subprocess.run(
            [sys.executable, "-c", RUNNER, "review", str(inputs / "project")],
            cwd=cwd,
            env={**os.environ},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        del os.environ["HIREKIT_REVIEW_MAX_SOURCE_FILE_MB"]
    assert env_result.returncode == 0, env_result.stderr
    assert json.loads(env_result.stdout)["skipped_files"] == ["big.py"]


def test_the_entry_point_and_the_lazy_table_name_the_same_commands() -> None:
    from hirekit.engine_commands import LAZY, USE_CASES
    from hirekit.engines.guide.model import USE_CASES as GUIDE_USE_CASES
    from hirekit.entry import ENGINE_COMMANDS

    assert set(LAZY) == ENGINE_COMMANDS
    assert USE_CASES == GUIDE_USE_CASES


def test_version_is_hirekits_own_and_loads_no_app(tmp_path: Path) -> None:
    from importlib.metadata import version

    cwd = tmp_path / "empty"
    cwd.mkdir()
    result = _run(["--version"], cwd, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"hirekit {version('hirekit')}\n"
    assert "flask" not in result.stdout.lower()
    assert "LOADED=\n" in result.stderr
    assert list(cwd.iterdir()) == []
