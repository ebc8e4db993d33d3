"""Every real resume in the corpus returns text or a clear error, within the limits.

The files are real people's CVs: assertions here name files and error codes only,
never their contents.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from hirekit.engines.screening import Limits, screen_many
from hirekit.engines.screening.failures import MESSAGES

CORPUS = Path("/work/shared/corpus/resumes")
FILES = sorted(p for p in CORPUS.glob("*/*") if p.suffix.lower() in (".pdf", ".docx"))

pytestmark = pytest.mark.corpus


def test_every_resume_is_read_or_explained() -> None:
    assert len(FILES) == 601, "the resume corpus is missing or incomplete"
    limits = Limits()
    started = time.monotonic()
    results = list(screen_many(FILES, limits=limits))
    elapsed = time.monotonic() - started
    assert [r.file for r in results] == [str(p) for p in FILES]
    codes = Counter(r.error.code if r.error else "ok" for r in results)
    for result in results:
        if result.error is None:
            assert result.text.strip(), result.file
            for flag in (*result.green_flags, *result.yellow_flags):
                for item in flag.evidence:
                    assert result.text[item.start : item.end] == item.quote, result.file
        else:
            assert result.error.code in MESSAGES and result.text == "", result.file
    assert codes["timeout"] == 0, codes
    assert codes["ok"] >= 0.95 * len(FILES), codes
    # Scans exist in the corpus and must be reported, not given a made-up profile.
    assert codes["no-text-layer"] >= 1, codes
    assert elapsed < 300, elapsed
