"""Deciding, file by file, what a bulk upload keeps."""

from __future__ import annotations

import io

from hirekit.resumes.files import Refusal, ResumeFile, expand, judge, read_limited
from tests.resumes.samples import docx_resume, text_resume, zip_of

LIMIT = 1024 * 1024


def test_text_and_docx_are_kept_with_the_type_their_bytes_show():
    text = judge("cv.pdf", text_resume("Ana Lovelace"))  # the name claims PDF, the bytes say text
    docx = judge("cv", docx_resume("Bo Tan"))
    assert isinstance(text, ResumeFile) and text.content_type == "text/plain"
    assert isinstance(docx, ResumeFile) and docx.content_type.endswith("wordprocessingml.document")


def test_binary_junk_and_empty_files_are_refused_with_a_code():
    junk = judge("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = judge("empty.txt", b"")
    assert isinstance(junk, Refusal) and junk.code == "unsupported-type"
    assert isinstance(empty, Refusal) and empty.code == "empty"


def test_a_docx_is_not_mistaken_for_a_zip_of_resumes():
    items = expand("cv.docx", docx_resume("Bo Tan"), LIMIT)
    assert len(items) == 1 and isinstance(items[0], ResumeFile)
    assert items[0].filename == "cv.docx"


def test_a_zip_gives_each_member_and_skips_folders_and_hidden_files():
    archive = zip_of(
        {
            "batch/ana.txt": text_resume("Ana Lovelace"),
            "batch/bo.docx": docx_resume("Bo Tan"),
            "__MACOSX/batch/._ana.txt": b"junk",
            ".DS_Store": b"junk",
        }
    )
    items = expand("resumes.zip", archive, LIMIT)
    assert [i.filename for i in items] == ["ana.txt", "bo.docx"]
    assert all(isinstance(i, ResumeFile) for i in items)


def test_a_zip_member_over_the_limit_is_refused_alone():
    archive = zip_of({"big.txt": b"Python Flask\n" * 2000, "ok.txt": text_resume("Ana Lovelace")})
    items = expand("resumes.zip", archive, 4096)
    by_name = {i.filename: i for i in items}
    assert isinstance(by_name["big.txt"], Refusal) and by_name["big.txt"].code == "too-large"
    assert isinstance(by_name["ok.txt"], ResumeFile)


def test_a_damaged_zip_is_one_refusal():
    broken = zip_of({"a.txt": text_resume("Ana Lovelace")})[:-30]
    items = expand("resumes.zip", broken, LIMIT)
    assert len(items) == 1 and isinstance(items[0], Refusal)
    assert items[0].code == "unreadable"


def test_read_limited_stops_past_the_limit():
    assert read_limited(io.BytesIO(b"x" * 10), 10) == b"x" * 10
    assert read_limited(io.BytesIO(b"x" * 11), 10) is None
