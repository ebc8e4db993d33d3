"""The rule that tells a resume from other files in an upload: conservative on real CVs."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.resume_corpus import SAMPLE, resume_files

from hirekit.engines.guide import Guide
from hirekit.engines.screening import analyse, screen
from hirekit.engines.screening.resume_check import NO_RESUME_SIGNS, TOO_SHORT, not_a_resume


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "# Notes\nCall Ana back on Tuesday about the offer.\n- ask about salary\n",
            NO_RESUME_SIGNS,
        ),
        ("shopping list", TOO_SHORT),
        ("", TOO_SHORT),
        (
            "Meeting minutes\nWe agreed to ship the release next week and review it.\n",
            NO_RESUME_SIGNS,
        ),
    ],
)
def test_other_files_are_not_resumes(guide: Guide, text: str, reason: str) -> None:
    assert not_a_resume(analyse(text, "rest-api", guide)) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Career Objective\nTo build web services.\nSkills\nPython, Flask\n",
        "Jane Doe\njane@example.com\nI build Flask services for a living.\n",
        "Jane Doe\n+44 20 7946 0958\nI build Flask services for a living.\n",
        "Backend developer at Acme, 2019 - 2024, building Flask APIs daily.\n",
    ],
)
def test_short_resumes_are_still_resumes(guide: Guide, text: str) -> None:
    assert not_a_resume(analyse(text, "rest-api", guide)) is None


@pytest.mark.parametrize("path", resume_files(SAMPLE), ids=lambda p: p.name)
def test_no_real_resume_of_the_sample_is_skipped(path: Path) -> None:
    result = screen(path)
    assert result.error is not None or not_a_resume(result) is None
