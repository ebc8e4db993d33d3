"""Every real resume returns text or a clear error, within the limits.

Run on the shipped sample always, and on the full corpus (``HIREKIT_CORPUS_DIR``)
when it is there. The files are real people's CVs: assertions here name files and
error codes only, never their contents.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from tests.blind_leaks import leaks
from tests.resume_corpus import SAMPLE, full_corpus, resume_files

from hirekit.engines.screening import Limits, Result, screen_many
from hirekit.engines.screening.failures import MESSAGES
from hirekit.engines.screening.resume_check import not_a_resume

pytestmark = pytest.mark.corpus


def _screen_all(files: list[Path]) -> tuple[list[Result], float]:
    started = time.monotonic()
    results = list(screen_many(files, limits=Limits()))
    elapsed = time.monotonic() - started
    assert [r.file for r in results] == [str(p) for p in files]
    return results, elapsed


def test_every_sample_resume_is_read_or_explained() -> None:
    files = resume_files(SAMPLE)
    assert len(files) == 18, "the shipped resume sample is incomplete"
    results, _ = _screen_all(files)
    codes = _check(results)
    assert codes["timeout"] == 0, codes
    by_name = {Path(r.file).relative_to(SAMPLE).as_posix(): r for r in results}
    # The scan is reported as such; the Word file named .pdf is read as Word.
    assert by_name["pdf/1327.pdf"].error is not None
    assert by_name["pdf/1327.pdf"].error.code == "no-text-layer"
    assert by_name["pdf/1648.pdf"].error is None
    assert codes["ok"] == 17, codes


@pytest.mark.corpus("resumes")
def test_every_resume_is_read_or_explained_kept_and_blinded() -> None:
    """One screening of the whole corpus, the slowest input the suite reads, for the
    promises every real file must keep."""
    files = resume_files(full_corpus())
    assert len(files) >= 100, "the resume corpus in HIREKIT_CORPUS_DIR looks incomplete"
    results, elapsed = _screen_all(files)
    codes = _check(results)
    assert codes["timeout"] == 0, codes
    assert codes["ok"] >= 0.95 * len(files), codes
    # Scans exist in the corpus and must be reported, not given a made-up profile.
    assert codes["no-text-layer"] >= 1, codes
    assert elapsed < 300, elapsed
    # Every file of the corpus is a real resume: none may be set aside as something else.
    skipped = [
        Path(r.file).name for r in results if r.error is None and not_a_resume(r) is not None
    ]
    assert skipped == []
    # Blind review shows none of the person's name, email or phone.
    leaky = [Path(r.file).name for r in results if leaks(r)]
    assert leaky == []


def _check(results: list[Result]) -> Counter[str]:
    codes = Counter(r.error.code if r.error else "ok" for r in results)
    for result in results:
        if result.error is None:
            assert result.text.strip(), result.file
            for flag in (*result.green_flags, *result.yellow_flags):
                for item in flag.evidence:
                    assert result.text[item.start : item.end] == item.quote, result.file
        else:
            assert result.error.code in MESSAGES and result.text == "", result.file
    return codes
