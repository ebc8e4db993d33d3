"""Entry points that combine candidate services for one request: create-and-apply, merge by id."""

from __future__ import annotations

from hirekit.accounts.models import User
from hirekit.candidates import applications, services
from hirekit.candidates.merge import merge_candidates
from hirekit.candidates.models import Candidate, Note
from hirekit.candidates.services import CandidateFields
from hirekit.errors import ValidationFailed
from hirekit.jobs.services import get_job


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
        candidate = services.create_candidate(
            fields, actor=actor, note=note, allow_duplicate=allow_duplicate
        )
    else:
        assert candidate_id is not None
        candidate = services.get_candidate(candidate_id, actor)
    if job_id:
        applications.apply(candidate, get_job(job_id, actor), actor=actor)
    return candidate


def merge_by_id(target_id: int, source_id: int, *, actor: User) -> Candidate:
    """Merge ``source_id`` into ``target_id``; both must be visible to ``actor``."""
    target = services.get_candidate(target_id, actor)
    source = services.get_candidate(source_id, actor)
    return merge_candidates(target, source, actor=actor)


def add_note_by_id(
    candidate_id: int, body: str, *, application_id: int | None, actor: User
) -> Note:
    """A note on a candidate, optionally about one of their applications."""
    candidate = services.get_candidate(candidate_id, actor)
    application = None
    if application_id is not None:
        application = applications.get_application(application_id, actor)
        if application.candidate_id != candidate.id:
            raise ValidationFailed(
                "That application is someone else's", details={"application_id": "not theirs"}
            )
    return services.add_note(candidate, body, actor=actor, application=application)
