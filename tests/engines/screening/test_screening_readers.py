from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.engines.screening.screening_documents import (
    resume_docx,
    resume_odt,
    text_pdf,
    two_column_lines,
)

from hirekit.engines.screening import extract_text, layout, screen


def test_docx_reads_header_body_textbox_table_footer_in_order() -> None:
    data = resume_docx(
        "Jane Doe header", ["First line", "Second line"], "Boxed skills", "Page foot", "Cell text"
    )
    extraction = extract_text(data)
    assert extraction.kind == "docx" and extraction.error is None
    order = [
        "Jane Doe header",
        "First line",
        "Second line",
        "Boxed skills",
        "Cell text",
        "Page foot",
    ]
    positions = [extraction.text.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert extraction.text.count("Boxed skills") == 1


def test_docx_saved_with_pdf_name_is_read_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(resume_docx("H", ["Built Flask APIs with pytest tests."], "B", "F", "T"))
    extraction = extract_text(path)
    assert (extraction.kind, extraction.error) == ("docx", None)
    assert "Built Flask APIs" in extraction.text
    assert screen(path).file == str(path)


def test_odt() -> None:
    extraction = extract_text(resume_odt("Jane Doe", ["Python developer", "Flask and PostgreSQL"]))
    assert extraction.kind == "odt"
    assert extraction.text.splitlines() == ["Jane Doe", "Python developer", "Flask and PostgreSQL"]


def test_rtf() -> None:
    rtf = (
        rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0 Jane Doe\par Caf\'e9 Flask developer\par}"
    )
    extraction = extract_text(rtf)
    assert extraction.kind == "rtf"
    assert "Jane Doe" in extraction.text and "Café Flask developer" in extraction.text


def test_text_utf8_and_legacy_encoding() -> None:
    assert extract_text("Zoë Müller\nPython".encode()).text == "Zoë Müller\nPython"
    legacy = ("Résumé de François Lefèvre, développeur Python à Montréal. " * 5).encode("cp1252")
    extraction = extract_text(legacy)
    assert extraction.kind == "text" and "François" in extraction.text


def test_markdown_is_text() -> None:
    extraction = extract_text(b"# Jane Doe\n\n## Experience\n- Built Flask APIs\n")
    assert extraction.kind == "text" and "- Built Flask APIs" in extraction.text


def test_json_resume() -> None:
    doc = {
        "basics": {"name": "Jane Doe", "email": "jane@example.com",
                   "profiles": [{"url": "https://github.com/janedoe"}]},
        "work": [{"name": "Acme", "position": "Backend Engineer", "startDate": "2019-01",
                  "highlights": ["Designed the Flask REST API serving 2M requests per day."]}],
        "skills": [{"name": "Backend", "keywords": ["Python", "Flask"]}],
        "meta": {"lastModified": "2024-06-01T10:00:00"},
    }  # fmt: skip
    result = screen(json.dumps(doc).encode(), filename="resume.json")
    assert result.error is None
    assert result.candidate.name == "Jane Doe"
    assert result.candidate.email == "jane@example.com"
    assert "https://github.com/janedoe" in result.candidate.links
    assert {"production_scale", "api_design"} <= result.flag_ids()
    # The open job ends at the document's own date, not today.
    assert result.years_experience == 5.5  # Jan 2019 - Jun 2024


def test_two_column_pdf_is_read_column_by_column() -> None:
    extraction = extract_text(text_pdf(two_column_lines()))
    assert extraction.layout == "columns"
    text = extraction.text
    assert text.index("Jane Doe") < text.index("Experience")
    assert "Designed the Flask API\nfor billing." in text
    assert text.index("for billing.") < text.index("Skills") < text.index("English")


def test_single_column_pdf_keeps_stream_order() -> None:
    lines = [(50.0, 700.0 - 14 * i, f"Line {i} of the summary") for i in range(15)]
    extraction = extract_text(text_pdf(lines))
    assert extraction.layout == "flow"
    assert extraction.text.splitlines() == [f"Line {i} of the summary" for i in range(15)]


def test_a_page_with_too_many_text_runs_is_read_as_it_flows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past ``MAX_RUNS`` text runs a page is not checked for columns: reading every
    box of a hostile page would cost more than the page is worth. (The bound is
    lowered here so that a small woven page is past it.)"""
    woven = text_pdf(two_column_lines())
    assert extract_text(woven).layout == "columns"
    monkeypatch.setattr(layout, "MAX_RUNS", 10)
    extraction = extract_text(woven)
    assert extraction.layout == "flow" and extraction.error is None
    assert "Experience Skills\nAcme" in extraction.text  # stream order: the columns woven
