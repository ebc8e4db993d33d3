"""Hostile inputs always give a Result (maybe with an error), never an exception or a hang."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.engines.screening.screening_documents import resume_docx, text_pdf, zip_bomb_docx

from hirekit.engines.guide import Guide, default_guide
from hirekit.engines.screening import Limits, screen
from hirekit.engines.screening.failures import MESSAGES

GUIDE: Guide = default_guide()
LIMITS = Limits(seconds=5)
PDF = text_pdf([(50.0, 700.0 - 12 * i, f"Line {i}: Flask, pytest, 2M users") for i in range(30)])
DOCX = resume_docx("Header", ["Built Flask APIs"] * 20, "Box", "Footer", "Cell")
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, name: str = "upload") -> None:
    result = screen(data, guide=GUIDE, limits=LIMITS, filename=name)
    assert result.error is None or result.error.code in MESSAGES
    for flag in (*result.green_flags, *result.yellow_flags):
        for item in flag.evidence:
            assert result.text[item.start : item.end] == item.quote


@FAST
@given(st.integers(min_value=0, max_value=len(PDF)))
def test_truncated_pdf(cut: int) -> None:
    check(PDF[:cut], "cv.pdf")


@FAST
@given(st.integers(min_value=0, max_value=len(DOCX)), st.binary(max_size=64))
def test_damaged_docx(cut: int, noise: bytes) -> None:
    check(DOCX[:cut] + noise + DOCX[cut + len(noise) :], "cv.docx")


@FAST
@given(st.binary(max_size=4096), st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv", "cv.odt"]))
def test_binary_garbage_with_any_name(data: bytes, name: str) -> None:
    check(data, name)


@FAST
@given(st.text(max_size=3000))
def test_any_text(text: str) -> None:
    check(text.encode("utf-8", errors="surrogatepass"))


@pytest.mark.slow
@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["Flask ", "a", "1", "API. ", "\u2022 "]), st.integers(1, 10))
def test_huge_lines(unit: str, megabytes: int) -> None:
    line = (unit * (megabytes * 100_000 // len(unit)))[: megabytes * 100_000]
    check(line.encode())


def test_zip_bomb_disguised_as_docx() -> None:
    result = screen(zip_bomb_docx(), guide=GUIDE, filename="cv.docx")
    assert result.error is not None and result.error.code == "too-large"


@FAST
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"{\\rtf1 ", b'{"basics": ']),
    st.binary(max_size=2048),
)
def test_right_magic_wrong_body(magic: bytes, body: bytes) -> None:
    check(magic + body)


def test_a_docx_claiming_an_unknown_zip_version_is_unreadable():
    """zipfile refuses a member "needing" zip 6.4 with NotImplementedError, not BadZipFile."""
    data = bytearray(resume_docx("Ada Example", ["Flask developer"], "", "", ""))
    central = data.find(b"PK\x01\x02")
    assert central > 0
    data[central + 6 : central + 8] = (64).to_bytes(2, "little")  # version needed: 6.4
    result = screen(bytes(data), guide=GUIDE, limits=LIMITS, filename="odd.docx")
    assert result.error is not None and result.error.code == "unreadable"
