"""Recognising a take-home archive by its first bytes, and checking it is safe to unpack."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from hirekit.engines.codereview.limits import Deadline, Limits
from hirekit.engines.codereview.unpack import unpacked

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header, or an empty archive
GZIP_MAGIC = b"\x1f\x8b"
TAR_MAGIC_OFFSET = 257


def archive_kind(stream: BinaryIO) -> str | None:
    """``zip``, ``tar.gz`` or ``tar`` from the content (names lie); None otherwise.

    The stream is rewound to where it started.
    """
    start = stream.tell()
    head = stream.read(TAR_MAGIC_OFFSET + 8)
    stream.seek(start)
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(GZIP_MAGIC):
        return "tar.gz"
    if head[TAR_MAGIC_OFFSET : TAR_MAGIC_OFFSET + 5] == b"ustar":
        return "tar"
    return None


def check_archive(path: Path, limits: Limits) -> list[str]:
    """Unpack ``path`` under the review's safety rules (size, member count, zip bombs,
    path traversal, links); return its file paths relative to the project root.

    Raises ArchiveRefused with the one-line reason; nothing unpacked is kept.
    """
    with unpacked(path, limits, Deadline(limits.seconds)) as (root, _wrapper):
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def refusal_message(reason: str) -> str:
    """The sentence shown for a refused archive, from the safety rule's own reason."""
    return f"That archive was refused: {reason}."
