"""Whatever arrives, the reviewer returns a report or refuses; never anything else."""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hirekit.engines.codereview.analyse as analyse
from hirekit.engines.codereview import ArchiveRefused, Limits, Report, review

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
LIMITS = Limits(seconds=10, unpacked_bytes=5 * 1024 * 1024)
names = st.one_of(
    st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s),
    st.sampled_from(["../x.py", "/abs.py", "a/../../b.py", "C:\\w.py", "a\\..\\b.py", "./", "."]),
    st.builds(lambda n: "/".join(["d"] * n) + "/f.py", st.integers(1, 80)),
)
sources = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    st.sampled_from(
        [
            b"x = " + b"(" * 300 + b")" * 300,
            b"x = " + b"+".join([b"1"] * 3000),
            b"s = '" + b"a" * 200_000 + b"'\n",
            b"from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n",
        ]
    ),
)


def _outcome(path: Path) -> Report | None:
    try:
        return review(path, LIMITS)
    except ArchiveRefused as exc:
        assert exc.reason and "\n" not in exc.reason
        return None


_BASE: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _scratch() -> Iterator[None]:
    """One folder for every generated input of this module, removed at the end."""
    with tempfile.TemporaryDirectory(prefix="cr-fuzz-") as base:
        _BASE.append(Path(base))
        yield
        _BASE.pop()


def _tmp() -> Path:
    return Path(tempfile.mkdtemp(dir=_BASE[-1]))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    path = _tmp() / "upload"
    path.write_bytes(data)
    assert _outcome(path) is None


@FUZZ
@given(st.dictionaries(names, sources, max_size=6), st.integers(0, 100))
def test_zip_members_and_truncation(members: dict[str, bytes], cut_percent: int) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    data = buf.getvalue()
    path = _tmp() / "a.zip"
    path.write_bytes(data[: max(4, len(data) * cut_percent // 100)] if cut_percent < 100 else data)
    report = _outcome(path)
    if report is not None:
        assert report.to_dict()["schema_version"] == 1


@FUZZ
@given(st.dictionaries(names, sources, max_size=6), st.booleans(), st.integers(0, 100))
def test_tar_members_and_truncation(members: dict[str, bytes], gz: bool, cut_percent: int) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz" if gz else "w") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    data = buf.getvalue()
    path = _tmp() / "a.tgz"
    path.write_bytes(data[: max(4, len(data) * cut_percent // 100)] if cut_percent < 100 else data)
    _outcome(path)


def test_nested_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(3):
            zf.writestr(f"b{i}.py", b"0" * (3 * 1024 * 1024))
    assert _outcome(path) is None


def test_process_pool_gives_the_same_report(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "p"
    root.mkdir()
    (root / "app.py").write_text("from flask import Flask\napp = Flask(__name__)\n")
    for i in range(30):
        (root / f"m{i}.py").write_text(
            f"from app import app\n@app.route('/m{i}')\ndef m{i}():\n    return 'SELECT'\n"
        )
    sequential = review(root).to_dict()
    monkeypatch.setattr(analyse, "POOL_THRESHOLD", 10)
    pooled = review(root, jobs=2).to_dict()
    for data in (sequential, pooled):
        data["stats"].pop("seconds")
    assert pooled == sequential
    assert len(pooled["routes"]) == 30
