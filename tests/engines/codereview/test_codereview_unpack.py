"""Archive input: detection by bytes, refusals, limits and clean-up."""

from __future__ import annotations

import io
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest

from hirekit.engines.codereview import ArchiveRefused, Limits, review

APP = b"from flask import Flask\napp = Flask(__name__)\n"


@pytest.fixture(autouse=True)
def _private_tempdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reviews unpack into this test's own temp folder, so a review running in
    another process cannot make the leftover check below see its live folder."""
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))


def _temp_dirs() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("hirekit-review-*")}


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def make_tar(path: Path, members: list[tarfile.TarInfo], data: dict[str, bytes], gz: bool) -> Path:
    with tarfile.open(path, "w:gz" if gz else "w") as tf:
        for info in members:
            payload = data.get(info.name)
            if payload is not None:
                info.size = len(payload)
                tf.addfile(info, io.BytesIO(payload))
            else:
                tf.addfile(info)
    return path


def test_zip_with_wrapping_folder_finds_root(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "sub.bin", {"proj-1.0/app.py": APP, "__MACOSX/._x": b""})
    report = review(archive)
    assert report.root == "sub.bin/proj-1.0"
    assert [a.file for a in report.model.apps] == ["app.py"]


@pytest.mark.parametrize("gz", [False, True])
def test_tar_and_tgz_detected_by_bytes_not_name(tmp_path: Path, gz: bool) -> None:
    archive = make_tar(tmp_path / "upload.zip", [tarfile.TarInfo("app.py")], {"app.py": APP}, gz)
    assert [a.file for a in review(archive).model.apps] == ["app.py"]


def test_not_an_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"hello, this is not an archive at all" * 20)
    with pytest.raises(ArchiveRefused, match="not a zip"):
        review(path)


def test_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArchiveRefused, match="no such file"):
        review(tmp_path / "nope.zip")


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../evil.py", "'..'"), ("/etc/evil.py", "absolute"), ("a/../../evil.py", "'..'")],
)
def test_zip_traversal_names_are_refused(tmp_path: Path, name: str, reason: str) -> None:
    archive = make_zip(tmp_path / "t.zip", {"app.py": APP, name: b"x = 1\n"})
    before = _temp_dirs()
    with pytest.raises(ArchiveRefused, match=reason):
        review(archive)
    assert _temp_dirs() == before
    assert not (tmp_path / "evil.py").exists()


@pytest.mark.parametrize(
    "kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE, tarfile.FIFOTYPE]
)
def test_tar_links_and_devices_are_refused(tmp_path: Path, kind: bytes) -> None:
    link = tarfile.TarInfo("link")
    link.type = kind
    link.linkname = "/etc/passwd"
    archive = make_tar(
        tmp_path / "t.tar", [tarfile.TarInfo("app.py"), link], {"app.py": APP}, False
    )
    with pytest.raises(ArchiveRefused, match=r"link|device"):
        review(archive)


def test_zip_symlink_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.zip"
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("link")
        info.external_attr = 0o120777 << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(ArchiveRefused, match="link"):
        review(path)


def test_zip_bomb_member_ratio_is_refused(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "bomb.zip", {"big.py": b"\n" * (5 * 1024 * 1024)})
    with pytest.raises(ArchiveRefused, match="expands more than"):
        review(archive)


def test_limits_files_unpacked_and_archive_size(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "many.zip", {f"m{i}.py": b"x = 1\n" for i in range(30)})
    with pytest.raises(ArchiveRefused, match="more than 10 files"):
        review(archive, Limits(files=10))
    with pytest.raises(ArchiveRefused, match="larger than"):
        review(archive, Limits(archive_bytes=100))
    with pytest.raises(ArchiveRefused, match="unpacks to more"):
        review(archive, Limits(unpacked_bytes=50))


def test_time_limit_refuses(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "a.zip", {f"m{i}.py": APP for i in range(20)})
    with pytest.raises(ArchiveRefused, match="longer than"):
        review(archive, Limits(seconds=0))


def test_truncated_archive_is_refused(tmp_path: Path) -> None:
    full = make_zip(tmp_path / "full.zip", {f"m{i}.py": APP * 50 for i in range(5)}).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(full[: len(full) // 2])
    with pytest.raises(ArchiveRefused):
        review(cut)


def test_large_source_file_is_skipped_not_read(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / "app.py").write_bytes(APP)
    (root / "huge.py").write_bytes(b"x = 1\n" * 2000)
    report = review(root, Limits(source_file_bytes=1000))
    assert report.skipped_files == ["huge.py"]
    assert report.stats.python_files == 1


def test_a_bzip2_bomb_with_a_lying_header_is_refused_with_memory_bounded() -> None:
    from tests.archive_bombs import bzip2_bomb_zip, peak_growth

    bomb = bzip2_bomb_zip(blocks=6, claimed=1_000)
    assert len(bomb) < 753
    setup = """
import glob, tempfile
from pathlib import Path
from hirekit.engines.codereview import ArchiveRefused, review
folder = Path(tempfile.mkdtemp())
archive = folder / "work.zip"
archive.write_bytes(data)
left_before = set(glob.glob(tempfile.gettempdir() + "/hirekit-review-*"))
"""
    action = """
try:
    review(archive)
except ArchiveRefused as exc:
    result["refused"] = str(exc)
left = set(glob.glob(tempfile.gettempdir() + "/hirekit-review-*")) - left_before
result["left"] = sorted(left)
"""
    result, growth = peak_growth(setup, action, bomb)
    assert growth < 48 * 1024 * 1024, growth
    assert "more than its header says" in str(result["refused"]), result
    assert result["left"] == []
