"""Zip members are inflated under a bound that no header can lie past.

The bombs are built in the tests (tests/archive_bombs.py); memory is measured in a
fresh Python so that nothing else in the test process hides or causes a rise.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from tests.archive_bombs import BLOCK_BYTES, bzip2_bomb_zip, peak_growth, zip_member_raw

from hirekit.engines.zipstream import Budget, InflateRefused, read_member

MB = 1024 * 1024
#: Six bzip2 blocks: 270 MB behind a 340-byte zip. Reading it whole would show.
BLOCKS = 6
#: Far below what inflating any bomb here would take, far above a 64 KB chunk.
MEMORY_BOUND = 48 * MB

_SETUP = """
import io, zipfile
from hirekit.engines.zipstream import Budget, InflateRefused, member_chunks
archive = zipfile.ZipFile(io.BytesIO(data))
"""
_READ_ALL = """
try:
    for _ in member_chunks(archive, archive.infolist()[0], Budget(%d, %d)):
        pass
except InflateRefused as exc:
    result["code"] = exc.code
    result["message"] = exc.message
"""


def test_a_bzip2_member_whose_header_lies_is_stopped_within_one_chunk() -> None:
    bomb = bzip2_bomb_zip(blocks=BLOCKS, claimed=1_000)
    assert len(bomb) < 1024  # the whole attack fits in a packet
    result, growth = peak_growth(_SETUP, _READ_ALL % (10 * MB, 200), bomb)
    assert result["code"] == "bomb", result
    assert "more than its header says" in str(result["message"])
    assert growth < MEMORY_BOUND, growth


def test_a_bzip2_member_honest_about_its_size_is_stopped_at_the_ratio() -> None:
    bomb = bzip2_bomb_zip(blocks=BLOCKS, claimed=BLOCKS * BLOCK_BYTES)
    result, growth = peak_growth(_SETUP, _READ_ALL % (1024 * MB, 200), bomb)
    assert result["code"] == "bomb" and "200:1" in str(result["message"]), result
    assert growth < MEMORY_BOUND, growth


def test_the_budget_counts_bytes_really_inflated_across_members() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for index in range(3):
            archive.writestr(f"part-{index}.bin", bytes(range(256)) * 4096)  # 1 MB each
    budget = Budget(max_bytes=int(2.5 * MB), max_ratio=200)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        first, second, third = archive.infolist()
        assert len(read_member(archive, first, budget)) == MB
        assert len(read_member(archive, second, budget)) == MB
        with pytest.raises(InflateRefused) as refused:
            read_member(archive, third, budget)
    assert refused.value.code == "too-large" and "2.5 MB" in refused.value.message


def test_honest_bzip2_and_deflate_members_read_back_exactly() -> None:
    text = b"def create_app():\n    return Flask(__name__)\n" * 5000
    for method in (zipfile.ZIP_BZIP2, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", method) as archive:
            archive.writestr("app.py", text)
        with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
            assert read_member(archive, archive.infolist()[0], Budget(MB, 200)) == text


def test_a_damaged_bzip2_member_is_refused_as_damaged() -> None:
    broken = zip_member_raw([("app.py", b"BZh9garbage" * 20, zipfile.ZIP_BZIP2, 220)])
    with zipfile.ZipFile(io.BytesIO(broken)) as archive, pytest.raises(InflateRefused) as refused:
        read_member(archive, archive.infolist()[0], Budget(MB, 200))
    assert refused.value.code == "damaged"


def test_lzma_and_encrypted_members_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr("app.py", b"x = 1\n")
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        info = archive.infolist()[0]
        with pytest.raises(InflateRefused) as lzma_refused:
            read_member(archive, info, Budget(MB, 200))
        info.flag_bits |= 0x1
        with pytest.raises(InflateRefused) as encrypted:
            read_member(archive, info, Budget(MB, 200))
    assert lzma_refused.value.code == "unsupported"
    assert encrypted.value.code == "unsupported" and "encrypted" in encrypted.value.message
