"""Where real resume files live for tests: the shipped sample, and the full corpus.

The sample (``tests/fixtures/resume_sample``, licence in its README) is always
there. The full corpus is read from the folder named by ``HIREKIT_CORPUS_DIR``
(holding ``pdf/`` and ``docx/``); tests that need it are marked
``corpus("resumes")`` and the conftest deselects them when the variable is unset.
Tests name files and error codes only, never what a CV says.
"""

from __future__ import annotations

import os
from pathlib import Path

SAMPLE = Path(__file__).parent / "fixtures" / "resume_sample"
ENV = "HIREKIT_CORPUS_DIR"


def full_corpus() -> Path:
    """The full corpus folder; only called by tests the conftest kept selected."""
    value = os.environ.get(ENV, "")
    if not value:
        raise RuntimeError(f"{ENV} is unset: this test should have been deselected")
    return Path(value)


def full_corpus_or_none() -> Path | None:
    value = os.environ.get(ENV, "")
    return Path(value) if value else None


def resume_files(folder: Path) -> list[Path]:
    """Every PDF and DOCX one level down (``pdf/``, ``docx/``), sorted."""
    return sorted(p for p in folder.glob("*/*") if p.suffix.lower() in (".pdf", ".docx"))
