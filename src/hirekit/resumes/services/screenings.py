"""Reading a stored resume and saving its screening, one row per use case.

Called by the queue tasks. A resume from a bulk upload has no candidate yet:
the person is found (same email, else same phone, else name and link) or
created from what the resume says, then applied to the job.
"""

from __future__ import annotations

from typing import Any

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import select, update

from hirekit import events
from hirekit.accounts.models import User
from hirekit.candidates.dedupe import find_duplicates
from hirekit.candidates.models import Application, Candidate
from hirekit.candidates.services import applications
from hirekit.candidates.services.candidates import (
    CandidateFields,
    create_candidate,
    normalise_phone,
)
from hirekit.db import utcnow
from hirekit.engines.screening import Result, analyse, blind, extract_text
from hirekit.engines.screening.failures import MESSAGES
from hirekit.engines.screening.result import SCHEMA_VERSION
from hirekit.engines.screening.resume_check import not_a_resume
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.jobs.choices import UseCase
from hirekit.resumes.limits import screening_limits
from hirekit.resumes.models import Resume, ResumeStatus, Screening
from hirekit.storage import file_store


def screen_resume_now(resume: Resume, actor: User | None = None) -> Resume:
    """Read ``resume``, find or create its candidate if needed, save one screening per use case.

    An unreadable file marks the resume failed with the engine's error code;
    it never raises for a bad file.
    """
    limits = screening_limits(current_app.config)
    extraction = extract_text(file_store().path(resume.file_key), limits)
    if extraction.error:
        _fail(resume, extraction.error, MESSAGES[extraction.error])
        return resume
    guide = default_guide()
    results = [
        analyse(extraction.text, use_case, guide, resume.filename, written=extraction.written)
        for use_case in use_cases(resume)
    ]
    if resume.candidate_id is None:
        # A bulk upload's notes or read-me must not become a candidate.
        if reason := not_a_resume(results[0]):
            resume.status = ResumeStatus.SKIPPED.value
            resume.error_code, resume.error_message = "not-a-resume", reason
            db.session.flush()
            return resume
        resume.candidate = candidate_from(results[0], resume.filename, actor)
        db.session.flush()
    if resume.job is not None:
        _apply_once(resume.candidate, resume, actor)
    for result in results:
        _save(resume, result)
    # Search indexes the text (a subscriber, in this transaction).
    events.screening_done.send(events.ScreeningDone(resume, extraction.text))
    resume.status = ResumeStatus.SCREENED.value
    db.session.flush()
    return resume


NAME_NOT_FOUND = "Name not found — review"
"""The name a candidate created from a resume carries until a person sets it."""


def use_cases(resume: Resume) -> list[str]:
    """The upload's job's use case first, then those of every job the person applied to."""
    found: list[str] = []
    if resume.job is not None:
        found.append(resume.job.use_case)
    if resume.candidate_id is not None:
        query = select(Application).where(Application.candidate_id == resume.candidate_id)
        found += [a.job.use_case for a in db.session.scalars(query)]
    return list(dict.fromkeys(found)) or [UseCase.REST_API.value]


def candidate_from(result: Result, filename: str, actor: User | None) -> Candidate:
    """The existing person the resume names, else a new candidate from its profile."""
    fields = _fields_of(result, filename)
    # Unnamed resumes share the placeholder, not a name: it must not join them.
    name = fields.name if result.candidate.name else ""
    duplicates = find_duplicates(name, fields.email, fields.phone, fields.links)
    if duplicates:
        return duplicates[0]
    return create_candidate(fields, actor=actor, allow_duplicate=True)


def _fields_of(result: Result, filename: str) -> CandidateFields:
    found = result.candidate
    # A file name ("1122.pdf", "resume_final.docx") is not a person's name: with
    # no name in the resume, the candidate is listed as needing review.
    name = " ".join((found.name or "").split())[:160] or NAME_NOT_FOUND
    email = ""
    if found.email:
        try:
            email = validate_email(found.email, check_deliverability=False).normalized.lower()
        except EmailNotValidError:
            email = ""  # a garbled address must not stop the person being added
    links = [link for link in found.links if link.startswith(("https://", "http://"))]
    links = [link for link in links if len(link) <= 300][:10]
    return CandidateFields(
        name=name, email=email, phone=normalise_phone(found.phone or ""), links=links
    )


def _apply_once(candidate: Candidate | None, resume: Resume, actor: User | None) -> None:
    if candidate is None or resume.job is None:
        return
    taken = db.session.scalars(
        select(Application.id).where(
            Application.candidate_id == candidate.id, Application.job_id == resume.job.id
        )
    ).first()
    if taken is None:
        applications.apply(candidate, resume.job, actor=actor)


def _fail(resume: Resume, code: str, message: str) -> None:
    resume.status = ResumeStatus.FAILED.value
    resume.error_code, resume.error_message = code, message
    if resume.candidate_id is not None:
        failed = Result(file=resume.filename, use_case="")
        for use_case in use_cases(resume):
            _save(resume, failed, use_case=use_case, error=(code, message))
    db.session.flush()


def _flags(result: Result) -> dict[str, Any]:
    """The flags with what explains the score: contributions, use-case evidence and
    whether yellow flags applied (kept beside the flags, so no column is needed)."""
    shape = result.to_dict()
    return {
        "green": shape["green_flags"],
        "yellow": shape["yellow_flags"],
        "yellow_assessed": shape["yellow_flags_assessed"],
        "contributions": shape["score_contributions"],
        "use_case_evidence": shape["use_case_evidence"],
        "evidence_strength": shape["evidence_strength"],
    }


def _save(
    resume: Resume,
    result: Result,
    *,
    use_case: str | None = None,
    error: tuple[str, str] | None = None,
) -> Screening:
    assert resume.candidate_id is not None
    use_case = use_case or result.use_case
    db.session.execute(
        update(Screening)
        .where(Screening.candidate_id == resume.candidate_id, Screening.use_case == use_case)
        .values(current=False)
    )
    screening = db.session.scalars(
        select(Screening).where(Screening.resume_id == resume.id, Screening.use_case == use_case)
    ).first() or Screening(resume_id=resume.id, use_case=use_case)
    screening.candidate_id = resume.candidate_id
    screening.current = True
    screening.schema_version = SCHEMA_VERSION
    screening.screened_at = utcnow()
    if error is not None:
        screening.error_code, screening.error_message = error
        screening.score, screening.fit = None, ""
        db.session.add(screening)
        return screening
    hidden = blind(result)
    screening.score, screening.fit = result.score, result.fit
    screening.flags, screening.blind_flags = _flags(result), _flags(hidden)
    screening.explanation = list(result.explanation)
    screening.text, screening.blind_text = result.text, hidden.text
    screening.profile = {
        "name": result.candidate.name,
        "name_status": result.candidate.name_status,
        "email": result.candidate.email,
        "phone": result.candidate.phone,
        "links": list(result.candidate.links),
        "years_experience": result.years_experience,
        "skills": list(result.skills),
        "mentions_flask": result.mentions_flask,
    }
    screening.error_code = screening.error_message = ""
    db.session.add(screening)
    return screening


def engine_json(screening: Screening, *, blinded: bool = False) -> dict[str, Any]:
    """The stored screening in the engine's documented JSON shape (schema_version 1);
    ``blinded``: as a blind reviewer reads it (no name, contacts or links; quotes
    from the blinded text; the file named by its number)."""
    profile = dict(screening.profile or {})
    if blinded:
        profile.update(name=None, email=None, phone=None, links=[])
    flags = (screening.blind_flags if blinded else screening.flags) or {}
    error = (
        {"code": screening.error_code, "message": screening.error_message}
        if screening.error_code
        else None
    )
    return {
        "schema_version": screening.schema_version,
        "file": f"resume-{screening.resume_id}" if blinded else screening.resume.filename,
        "blinded": blinded,
        "error": error,
        "candidate": {
            "name": profile.get("name"),
            # screenings saved before name_status existed say it by their name
            "name_status": "hidden"
            if blinded
            else profile.get("name_status") or ("found" if profile.get("name") else "not-found"),
            "email": profile.get("email"),
            "phone": profile.get("phone"),
            "links": list(profile.get("links") or []),
        },
        "mentions_flask": bool(profile.get("mentions_flask")),
        "years_experience": profile.get("years_experience"),
        "skills": list(profile.get("skills") or []),
        "green_flags": list(flags.get("green", [])),
        "yellow_flags": list(flags.get("yellow", [])),
        "use_case": screening.use_case,
        "score": screening.score or 0,
        "fit": screening.fit or "no",
        "explanation": list(screening.explanation or []),
        "yellow_flags_assessed": bool(flags.get("yellow_assessed", True)),
        "score_contributions": list(flags.get("contributions", [])),
        "use_case_evidence": list(flags.get("use_case_evidence", [])),
        "evidence_strength": int(flags.get("evidence_strength", 0)),
    }
