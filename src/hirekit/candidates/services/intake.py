"""Entry points that combine candidate services for one request: create-and-apply, merge by id."""

from __future__ import annotations

from hirekit.accounts.models import User
from hirekit.candidates.models import Candidate, Note
from hirekit.candidates.services import applications, candidates
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.candidates.services.merge import merge_candidates
from hirekit.errors import NotFound, ValidationFailed
from hirekit.jobs.services.jobs import get_job


def create_with_application(
    fields: CandidateFields | None,
    *,
    actor: User,
    candidate_id: int | None = None,
    job_id: int | None = None,
    note: str = "",
    allow_duplicate: bool = False,
) -> Candidate:
    """Create a person from ``fields`` (or take ``candidate_id``) and apply them to ``job_id``."""
    if fields is not None:
        candidate = candidates.create_candidate(
            fields, actor=actor, note=note, allow_duplicate=allow_duplicate
        )
    else:
        assert candidate_id is not None
        candidate = candidates.get_candidate(candidate_id, actor)
    if job_id:
        applications.apply(candidate, get_job(job_id, actor), actor=actor)
    return candidate


def merge_by_id(
    target_id: int, source_id: int, *, actor: User, choices: dict[str, str] | None = None
) -> Candidate:
    """Merge ``source_id`` into ``target_id``; both must be visible to ``actor``."""
    target, source = merge_pair(target_id, str(source_id), actor=actor)
    return merge_candidates(target, source, actor=actor, choices=choices)


def merge_pair(target_id: int, other: str, *, actor: User) -> tuple[Candidate, Candidate]:
    """The two records to compare before a merge, or a clear error about ``other``
    (not a number, no such candidate, the same person)."""
    target = candidates.get_candidate(target_id, actor)
    raw = other.strip().lstrip("#")
    if not raw.isdigit():
        raise ValidationFailed(
            "Give the number of the candidate to merge in, such as 42.",
            details={"other_id": "a candidate number"},
        )
    if int(raw) == target.id:
        raise ValidationFailed(
            "A candidate cannot be merged with itself.", details={"other_id": "same candidate"}
        )
    try:
        source = candidates.get_candidate(int(raw), actor)
    except NotFound:
        raise ValidationFailed(
            f"There is no candidate #{raw} that you can see.", details={"other_id": "unknown"}
        ) from None
    return target, source


def add_note_by_id(
    candidate_id: int, body: str, *, application_id: int | None, actor: User
) -> Note:
    """A note on a candidate, optionally about one of their applications."""
    candidate = candidates.get_candidate(candidate_id, actor)
    application = None
    if application_id is not None:
        application = applications.get_application(application_id, actor)
        if application.candidate_id != candidate.id:
            raise ValidationFailed(
                "That application is someone else's", details={"application_id": "not theirs"}
            )
    return candidates.add_note(candidate, body, actor=actor, application=application)
