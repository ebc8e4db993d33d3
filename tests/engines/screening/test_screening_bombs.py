"""A DOCX bomb (a bzip2 part whose header claims 2 KB) is refused within one chunk
of memory, and a real DOCX beside it still reads."""

from __future__ import annotations

from tests.archive_bombs import docx_bomb, peak_growth
from tests.resumes.samples import docx_resume

from hirekit.engines.screening.extract.extraction import extract_text

MB = 1024 * 1024

_SETUP = "from hirekit.engines.screening.extract.extraction import extract_text"
_ACTION = 'result["error"] = extract_text(data).error'


def test_a_docx_bomb_is_refused_with_memory_bounded() -> None:
    bomb = docx_bomb(docx_resume("Bo Tan", "bo@example.com"), blocks=6)
    assert len(bomb) < 64 * 1024
    result, growth = peak_growth(_SETUP, _ACTION, bomb)
    assert result["error"] == "too-large"
    assert growth < 48 * MB, growth


def test_a_real_docx_still_reads_after_its_parts_are_copied() -> None:
    extraction = extract_text(docx_resume("Bo Tan", "bo@example.com"))
    assert extraction.error is None and "Bo Tan" in extraction.text
