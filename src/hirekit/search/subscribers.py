"""Screened resumes' text joins the candidate's searchable text."""

from __future__ import annotations

from hirekit import events
from hirekit.search.index import RESUME, index_candidate_text


def _screening_done(event: events.ScreeningDone) -> None:
    """Make the resume's words find the candidate in candidate search (same transaction)."""
    candidate_id = event.resume.candidate_id
    assert candidate_id is not None  # screening finds or creates the candidate first
    index_candidate_text(candidate_id, RESUME, event.text)


def subscribe() -> None:
    events.screening_done.connect(_screening_done)
