"""Recognising a take-home archive by its first bytes, before it is stored."""

from __future__ import annotations

from typing import BinaryIO

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
