"""Safe unpacking of a submitted archive into a private temporary folder.

Nothing from the archive is trusted: the format is detected from its bytes,
every member name is checked before anything is written, sizes are counted
while bytes are inflated (headers can lie; zip members go through
:mod:`hirekit.engines.zipstream`, which never inflates more than one chunk per
step whatever the compression method), and links or device files are refused
outright. The temporary folder is always removed on exit.
"""

from __future__ import annotations

import shutil
import stat
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO

from hirekit.engines.codereview.limits import MB, ArchiveRefused, Deadline, Limits
from hirekit.engines.zipstream import Budget, InflateRefused, member_chunks

CHUNK = 64 * 1024
MAX_DEPTH = 64
MAX_NAME = 1024
#: Tiny members compress absurdly well (an empty line, a run of spaces) without
#: being a threat, so the ratio check only starts above this size.
RATIO_FLOOR = 1 * MB
#: Folders an archiver adds next to the real content.
JUNK_TOP = frozenset({"__MACOSX", ".DS_Store"})

_ARCHIVE_ERRORS = (
    tarfile.TarError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    UnicodeError,
    KeyError,
)


def detect_format(head: bytes) -> str | None:
    """Return ``"zip"``, ``"gztar"`` or ``"tar"`` from the first 512 bytes, else None."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gztar"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def safe_member_path(name: str) -> PurePosixPath:
    """Validate an archive member name and return it as a relative path."""
    clean = name.replace("\\", "/")
    if len(clean) > MAX_NAME:
        raise ArchiveRefused("an archive member has a name longer than 1024 characters")
    if "\x00" in clean:
        raise ArchiveRefused("an archive member name contains a NUL byte")
    if clean.startswith("/") or (len(clean) > 1 and clean[1] == ":"):
        raise ArchiveRefused(f"archive member has an absolute path: {name[:120]!r}")
    parts = [p for p in clean.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise ArchiveRefused(f"archive member escapes the archive with '..': {name[:120]!r}")
    if len(parts) > MAX_DEPTH:
        raise ArchiveRefused(f"archive nests folders deeper than {MAX_DEPTH} levels")
    return PurePosixPath(*parts) if parts else PurePosixPath()


class _Budget:
    """Counts files and bytes written against the limits."""

    def __init__(self, limits: Limits, deadline: Deadline) -> None:
        self.limits = limits
        self.deadline = deadline
        self.files = 0
        self.entries = 0
        self.bytes = 0

    def add_entry(self) -> None:
        """Any member, folders included: their headers cost memory and time too."""
        self.entries += 1
        if self.entries > 2 * self.limits.files:
            raise ArchiveRefused(f"archive holds more than {2 * self.limits.files} entries")
        self.deadline.check()

    def add_file(self) -> None:
        self.files += 1
        if self.files > self.limits.files:
            raise ArchiveRefused(f"archive holds more than {self.limits.files} files")
        self.deadline.check()

    def copy(self, chunks: Iterable[bytes], dest: Path, compressed: int | None) -> None:
        written = 0
        with dest.open("xb") as out:
            for chunk in chunks:
                written += len(chunk)
                self.bytes += len(chunk)
                if self.bytes > self.limits.unpacked_bytes:
                    raise ArchiveRefused(
                        f"archive unpacks to more than {self.limits.unpacked_bytes // MB} MB"
                    )
                if (
                    compressed is not None
                    and written > RATIO_FLOOR
                    and written > self.limits.compression_ratio * max(compressed, 1)
                ):
                    raise ArchiveRefused(
                        "an archive member expands more than "
                        f"{self.limits.compression_ratio:g}:1 (zip bomb?)"
                    )
                out.write(chunk)
                self.deadline.check()


def _target(root: Path, rel: PurePosixPath) -> Path:
    dest = root.joinpath(*rel.parts)
    dest.parent.mkdir(parents=True, exist_ok=True)
    return dest


def _stream(src: IO[bytes]) -> Iterator[bytes]:
    while chunk := src.read(CHUNK):
        yield chunk


def _extract_zip(archive: Path, root: Path, budget: _Budget) -> None:
    # The inflation budget is one byte past the unpacked limit so that _Budget
    # reports the limit in its own words; zipstream stops the stream just after.
    inflation = Budget(budget.limits.unpacked_bytes + 1, budget.limits.compression_ratio)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            budget.add_entry()
            rel = safe_member_path(info.filename)
            # Zip writers often store permission bits without a file type; only a
            # type other than file or folder (links, devices) is refused.
            kind = stat.S_IFMT(info.external_attr >> 16)
            if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
                raise ArchiveRefused(
                    f"archive holds a link or special file: {info.filename[:120]!r}"
                )
            if info.flag_bits & 0x1:
                raise ArchiveRefused("archive is encrypted")
            if info.is_dir() or not rel.parts:
                continue
            budget.add_file()
            if info.file_size > budget.limits.unpacked_bytes:
                raise ArchiveRefused("an archive member declares more than the unpacked limit")
            chunks = member_chunks(zf, info, inflation)
            try:
                budget.copy(chunks, _target(root, rel), info.compress_size)
            except InflateRefused as exc:
                raise ArchiveRefused(f"archive refused: {exc.message}") from exc
            finally:
                # A limit hit mid-member leaves the generator (and the member) open.
                getattr(chunks, "close", lambda: None)()


def _extract_tar(archive: Path, root: Path, budget: _Budget, gz: bool) -> None:
    with tarfile.open(archive, mode="r:gz" if gz else "r:") as tf:
        for member in tf:
            budget.add_entry()
            rel = safe_member_path(member.name)
            if member.issym() or member.islnk():
                raise ArchiveRefused(f"archive holds a link: {member.name[:120]!r}")
            if member.isdir() or not rel.parts:
                continue
            if not member.isfile():
                raise ArchiveRefused(
                    f"archive holds a device or special file: {member.name[:120]!r}"
                )
            budget.add_file()
            src = tf.extractfile(member)
            if src is None:
                continue
            with src:
                budget.copy(_stream(src), _target(root, rel), None)
    # A tar stream has no per-member compressed size; compare the whole archive.
    archive_size = max(archive.stat().st_size, 1)
    if budget.bytes > RATIO_FLOOR and budget.bytes > budget.limits.compression_ratio * archive_size:
        raise ArchiveRefused(
            f"archive expands more than {budget.limits.compression_ratio:g}:1 (zip bomb?)"
        )


def project_root(folder: Path) -> Path:
    """Descend through single wrapping folders (``project-1.0/``) to the real root."""
    current = folder
    for _ in range(MAX_DEPTH):
        entries = [e for e in current.iterdir() if e.name not in JUNK_TOP]
        if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
            current = entries[0]
        else:
            break
    return current


def _check_archive(archive: Path, limits: Limits) -> str:
    size = archive.stat().st_size
    if size > limits.archive_bytes:
        raise ArchiveRefused(f"archive is larger than {limits.archive_bytes // MB} MB")
    with archive.open("rb") as fh:
        fmt = detect_format(fh.read(512))
    if fmt is None:
        raise ArchiveRefused("not a zip, tar or tar.gz archive")
    return fmt


@contextmanager
def unpacked(archive: Path, limits: Limits, deadline: Deadline) -> Iterator[tuple[Path, str]]:
    """Unpack ``archive`` into a private temp folder; yield the project root in it and
    the path of the folders that wrapped it (``""`` when none).

    Raises ``ArchiveRefused`` for anything unsafe, malformed or over a limit; the
    folder is removed whatever happens.
    """
    fmt = _check_archive(archive, limits)
    tmp = Path(tempfile.mkdtemp(prefix="hirekit-review-"))
    try:
        content = tmp / "p"
        content.mkdir()
        budget = _Budget(limits, deadline)
        try:
            if fmt == "zip":
                _extract_zip(archive, content, budget)
            else:
                _extract_tar(archive, content, budget, gz=fmt == "gztar")
        except ArchiveRefused:
            raise
        except RecursionError as exc:
            raise ArchiveRefused("archive is nested too deeply to read") from exc
        except _ARCHIVE_ERRORS as exc:
            raise ArchiveRefused(
                f"archive is damaged or unreadable ({type(exc).__name__})"
            ) from exc
        root = project_root(content)
        wrapper = root.relative_to(content).as_posix()
        yield root, "" if wrapper == "." else wrapper
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
