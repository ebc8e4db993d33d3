"""Reading members of an untrusted zip under a bound that no header can lie past.

A zip member's header states its sizes, and an attacker writes the header. The
standard ``zipfile`` reader bounds deflated members per ``read(n)`` call, but it
inflates a whole chunk of a bzip2 or LZMA member at once, whatever size the header
claims: 2 KB of bzip2 can become gigabytes inside one call. So here:

- stored and deflated members are read through ``ZipFile.open`` in small chunks
  (``zipfile`` asks zlib for at most that many bytes per call);
- bzip2 members are inflated by our own loop that asks the decompressor for at
  most one chunk at a time (``max_length``), their CRC checked at the end;
- every other method (LZMA, encrypted members) is refused;
- the bytes really produced are counted as they stream: past the budget, past
  the member's declared size or past the compression ratio, reading stops.

Memory use is therefore one chunk plus what the caller keeps, whatever the archive
says about itself.
"""

from __future__ import annotations

import bz2
import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

CHUNK = 64 * 1024
MB = 1024 * 1024
#: Tiny members compress absurdly well (a run of spaces) without being a threat, so
#: the ratio check starts above this many inflated bytes.
RATIO_FLOOR = 1 * MB
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_LOCAL_MAGIC = b"PK\x03\x04"
#: zipfile raises these for damaged archives and members (NotImplementedError: a
#: header claiming a zip version or compression method it does not know).
DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    NotImplementedError,
)


class InflateRefused(Exception):
    """A member (or the archive) is past a limit or unsafe; ``code`` says which.

    Codes: ``too-large`` (past the byte budget), ``bomb`` (past the compression
    ratio or its declared size), ``unsupported`` (method or encryption),
    ``damaged`` (cannot be read).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Budget:
    """Inflated bytes allowed for a whole archive, counted as they are produced."""

    max_bytes: int
    max_ratio: float
    used: int = 0

    def take(self, count: int) -> None:
        self.used += count
        if self.used > self.max_bytes:
            raise InflateRefused(
                "too-large", f"the archive unpacks to more than {self.max_bytes / MB:g} MB"
            )


def member_chunks(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget
) -> Iterator[bytes]:
    """Yield the inflated bytes of ``info`` chunk by chunk, within ``budget``.

    Raises ``InflateRefused`` as soon as a bound is passed; nothing past it is
    ever inflated.
    """
    if info.flag_bits & 0x1:
        raise InflateRefused("unsupported", f"{_name(info)} is encrypted")
    if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        source = _zipfile_chunks(archive, info)
    elif info.compress_type == zipfile.ZIP_BZIP2:
        source = _bzip2_chunks(archive, info)
    else:
        raise InflateRefused(
            "unsupported", f"{_name(info)} uses a compression method that is not accepted"
        )
    produced = 0
    compressed = max(info.compress_size, 1)
    try:
        for chunk in source:
            produced += len(chunk)
            budget.take(len(chunk))
            if produced > info.file_size:
                raise InflateRefused("bomb", f"{_name(info)} holds more than its header says")
            if produced > RATIO_FLOOR and produced > budget.max_ratio * compressed:
                raise InflateRefused(
                    "bomb",
                    f"{_name(info)} expands more than {budget.max_ratio:g}:1 (a zip bomb?)",
                )
            yield chunk
    except DAMAGE as exc:
        raise InflateRefused("damaged", f"{_name(info)} is damaged ({type(exc).__name__})") from exc
    finally:
        # A refusal leaves the source suspended with the member open; close it now
        # rather than whenever the collector gets to it (the archive file stays open).
        close = getattr(source, "close", None)
        if close is not None:
            close()


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    """The whole inflated member, within ``budget`` (see :func:`member_chunks`)."""
    return b"".join(member_chunks(archive, info, budget))


def open_archive(data: bytes) -> zipfile.ZipFile:
    """A ZipFile over ``data``; ``InflateRefused('damaged')`` when it is not one."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except DAMAGE as exc:
        raise InflateRefused("damaged", f"not a readable zip ({type(exc).__name__})") from exc


def _zipfile_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            yield chunk


def _bzip2_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    source = archive.fp
    if source is None:
        raise ValueError("the archive is closed")
    source.seek(info.header_offset)
    header = source.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_MAGIC:
        raise zipfile.BadZipFile("bad local file header")
    fields = _LOCAL_HEADER.unpack(header)
    position = info.header_offset + _LOCAL_HEADER.size + fields[10] + fields[11]
    left = info.compress_size
    decompressor = bz2.BZ2Decompressor()
    crc = 0
    while not decompressor.eof:
        raw = b""
        if decompressor.needs_input:
            if left <= 0:
                raise EOFError("the bzip2 stream ends early")
            source.seek(position)
            raw = source.read(min(CHUNK, left))
            if not raw:
                raise EOFError("the archive ends inside a member")
            position += len(raw)
            left -= len(raw)
        chunk = decompressor.decompress(raw, CHUNK)
        if chunk:
            crc = zlib.crc32(chunk, crc)
            yield chunk
    if crc != info.CRC:
        raise zipfile.BadZipFile("bad CRC-32")


def _name(info: zipfile.ZipInfo) -> str:
    return repr(info.filename[:120])
