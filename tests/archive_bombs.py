"""Hostile archives, crafted in a few milliseconds, and a way to measure what reading
them costs in memory.

A bzip2 stream is a run of blocks, each able to hold 45 MB of zero bytes in about
40 bytes. One block is compressed once per session and then repeated at the bit
level, so a stream of gigabytes is built without inflating anything.
"""

from __future__ import annotations

import bz2
import io
import json
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from functools import cache

BLOCK_BYTES = 45_000_000
_BLOCK_MAGIC = format(0x314159265359, "048b")
_EOS_MAGIC = format(0x177245385090, "048b")


@cache
def _zero_block() -> tuple[str, str, int]:
    one = bz2.compress(b"\0" * BLOCK_BYTES, 9)
    bits = bin(int.from_bytes(one, "big"))[2:].zfill(len(one) * 8)
    eos = bits.rfind(_EOS_MAGIC)
    block = bits[32:eos]
    assert block.startswith(_BLOCK_MAGIC)
    return bits[:32], block, int(block[48:80], 2)


def bzip2_zeros(blocks: int) -> bytes:
    """A valid bzip2 stream inflating to ``blocks`` x 45 MB of zero bytes."""
    head, block, block_crc = _zero_block()
    combined = 0
    for _ in range(blocks):
        combined = (((combined << 1) | (combined >> 31)) & 0xFFFFFFFF) ^ block_crc
    bits = head + block * blocks + _EOS_MAGIC + format(combined, "032b")
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big")


def zip_member_raw(members: list[tuple[str, bytes, int, int]], base: bytes | None = None) -> bytes:
    """A zip holding each ``(name, compressed bytes, method, claimed size)`` as given:
    the header says what we like, the data is what we put. ``base`` (a zip) is kept
    in front: its members come first."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        if base is not None:
            with zipfile.ZipFile(io.BytesIO(base)) as source:
                for info in source.infolist():
                    if info.filename not in {m[0] for m in members}:
                        archive.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
        for name, raw, _method, _claimed in members:
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), raw)
    data = bytearray(out.getvalue())
    for name, _raw, method, claimed in members:
        encoded = name.encode()
        local = data.find(b"PK\x03\x04")
        while data[local + 30 : local + 30 + len(encoded)] != encoded:
            local = data.find(b"PK\x03\x04", local + 4)
        central = data.find(b"PK\x01\x02")
        while data[central + 46 : central + 46 + len(encoded)] != encoded:
            central = data.find(b"PK\x01\x02", central + 4)
        struct.pack_into("<H", data, local + 8, method)
        struct.pack_into("<L", data, local + 22, claimed)
        struct.pack_into("<H", data, central + 10, method)
        struct.pack_into("<L", data, central + 24, claimed)
    return bytes(data)


def bzip2_bomb_zip(blocks: int = 6, claimed: int = 1_000, name: str = "app.py") -> bytes:
    """A zip whose one bzip2 member says ``claimed`` bytes and inflates to gigabytes."""
    return zip_member_raw([(name, bzip2_zeros(blocks), zipfile.ZIP_BZIP2, claimed)])


def docx_bomb(real_docx: bytes, blocks: int = 6) -> bytes:
    """A real DOCX whose ``word/document.xml`` is a bzip2 bomb claiming 2 KB."""
    return zip_member_raw(
        [("word/document.xml", bzip2_zeros(blocks), zipfile.ZIP_BZIP2, 2_000)], base=real_docx
    )


def deflate_zeros_zip(members: int, size: int) -> bytes:
    """``members`` files of ``size`` zero bytes each, deflated (about 1000:1).

    The member is deflated once and its bytes reused, so building costs one member.
    """
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = deflate.compress(b"\0" * size) + deflate.flush()
    rebuilt = zip_member_raw(
        [(f"cv-{i}.pdf", compressed, zipfile.ZIP_DEFLATED, size) for i in range(members)]
    )
    return _with_crc(rebuilt, zlib.crc32(b"\0" * size))


def _with_crc(data: bytes, crc: int) -> bytes:
    patched = bytearray(data)
    at = patched.find(b"PK\x03\x04")
    while at != -1:
        struct.pack_into("<L", patched, at + 14, crc)
        at = patched.find(b"PK\x03\x04", at + 4)
    at = patched.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<L", patched, at + 16, crc)
        at = patched.find(b"PK\x01\x02", at + 4)
    return bytes(patched)


def peak_growth(setup: str, action: str, data: bytes) -> tuple[dict[str, object], int]:
    """Run ``action`` in a fresh Python after ``setup``, with the bytes as ``data``.

    Returns what the action put in ``result`` (a JSON-able dict) and how far the
    child's peak resident memory rose during the action, in bytes.
    """
    script = "\n".join(
        [
            "import json, resource, sys",
            "data = sys.stdin.buffer.read()",
            textwrap.dedent(setup).strip(),
            "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss",
            "result = {}",
            textwrap.dedent(action).strip(),
            "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss",
            'print(json.dumps({"result": result, "growth": (after - before) * 1024}))',
        ]
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=data, capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    answer = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return answer["result"], int(answer["growth"])
