from __future__ import annotations

from pathlib import Path

import pytest
from tests.engines.screening.screening_documents import (
    encrypted_pdf,
    image_only_pdf,
    text_pdf,
    zip_bomb_docx,
)

from hirekit.engines.screening import Limits, extract_text, screen
from hirekit.engines.screening.failures import MESSAGES

RESUME = [(50.0, 700.0, "Jane Doe"), (50.0, 680.0, "Built Flask APIs for a shop, with pytest.")]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (encrypted_pdf(), "encrypted"),
        (image_only_pdf(), "no-text-layer"),
        (text_pdf(RESUME)[:300], "unreadable"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "unreadable"),
        (bytes(range(256)) * 8, "unsupported-type"),
        (zip_bomb_docx(), "too-large"),
        (b"PK\x03\x04" + b"\x00" * 200, "unreadable"),
        (b"", "unsupported-type"),
    ],
    # Named, not derived from the bytes: those hold timestamps, and xdist workers
    # that build them a second apart would collect different tests.
    ids=[
        "encrypted-pdf",
        "image-only-pdf",
        "truncated-pdf",
        "garbage-pdf",
        "binary",
        "zip-bomb-docx",
        "broken-zip",
        "empty",
    ],
)
def test_error_codes(data: bytes, code: str) -> None:
    result = screen(data, filename="upload")
    assert result.error is not None
    assert result.error.code == code
    assert result.error.message == MESSAGES[code] and "\n" not in result.error.message
    assert result.green_flags == result.yellow_flags == ()
    assert result.candidate.name is None and result.score == 0 and result.fit == "no"
    assert result.to_dict()["error"] == {"code": code, "message": MESSAGES[code]}


def test_image_only_pdf_never_gets_a_profile() -> None:
    result = screen(image_only_pdf())
    assert result.text == "" and result.skills == () and result.years_experience is None


def test_size_and_page_limits(tmp_path: Path) -> None:
    data = text_pdf(RESUME)
    assert extract_text(data, Limits(max_bytes=100)).error == "too-large"
    path = tmp_path / "big.pdf"
    path.write_bytes(data)
    assert extract_text(path, Limits(max_bytes=100)).error == "too-large"
    assert extract_text(data, Limits(max_pages=0)).error == "too-large"
    assert extract_text(data).error is None


def test_time_limit() -> None:
    assert extract_text(text_pdf(RESUME), Limits(seconds=-1)).error == "timeout"


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert screen(tmp_path / "nope.pdf").error is not None


def test_unknown_use_case_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="use case"):
        screen(b"Jane Doe\nPython", use_case="mainframe")
