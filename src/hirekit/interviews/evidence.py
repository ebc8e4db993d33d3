"""What an interviewer may read about a candidate: screening, take-home report, tailored questions.

Nothing else leaves here: no salary, no other jobs, no notes. The resume
screening comes from ``hirekit.resumes`` once its tables are part of the schema
(listed in ``hirekit.models``); :func:`resume_screening` is the one hook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from hirekit.engines.interviewkit import FindingEvidence, TailoredQuestion, tailored_questions
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.takehomes.models import Submission, SubmissionStatus


@dataclass(frozen=True)
class TakehomeEvidence:
    submission_id: int
    filename: str
    score: int | None
    level: str
    findings: list[dict[str, Any]]


@dataclass(frozen=True)
class ScreeningEvidence:
    fit: str
    score: int | None
    green: list[dict[str, Any]]
    yellow: list[dict[str, Any]]
    explanation: list[str]


@dataclass(frozen=True)
class CandidateEvidence:
    candidate_id: int
    name: str
    takehomes: list[TakehomeEvidence] = field(default_factory=list)
    screening: ScreeningEvidence | None = None
    tailored: list[TailoredQuestion] = field(default_factory=list)


def takehome_evidence(candidate_id: int, job_id: int) -> list[TakehomeEvidence]:
    """Reviewed take-homes of the candidate for this job (or for no job), newest first."""
    query = (
        select(Submission)
        .where(
            Submission.candidate_id == candidate_id,
            Submission.status == SubmissionStatus.REVIEWED.value,
            (Submission.job_id == job_id) | Submission.job_id.is_(None),
        )
        .order_by(Submission.id.desc())
    )
    return [
        TakehomeEvidence(
            s.id, s.filename, s.score, s.level, list((s.report or {}).get("findings", []))
        )
        for s in db.session.scalars(query)
    ]


def resume_screening(candidate_id: int, use_case: str) -> ScreeningEvidence | None:
    """The candidate's current screening for the use case, when resumes are installed."""
    from hirekit import models

    if not hasattr(models, "Screening"):
        return None
    from hirekit.resumes.models import Screening

    found = db.session.scalars(
        select(Screening)
        .where(
            Screening.candidate_id == candidate_id,
            Screening.use_case == use_case,
            Screening.current.is_(True),
        )
        .order_by(Screening.id.desc())
    ).first()
    if found is None:
        return None
    flags = found.flags or {}
    return ScreeningEvidence(
        fit=found.effective_fit,
        score=found.score,
        green=list(flags.get("green", [])),
        yellow=list(flags.get("yellow", [])),
        explanation=list(found.explanation or []),
    )


def _flag_id(flag: dict[str, Any]) -> str:
    return str(flag.get("flag") or flag.get("id") or "")


def candidate_evidence(
    candidate_id: int, name: str, job_id: int, use_case: str
) -> CandidateEvidence:
    """Everything an interviewer of this candidate for this job may read, and what to ask."""
    takehomes = takehome_evidence(candidate_id, job_id)
    screening = resume_screening(candidate_id, use_case)
    findings = [
        FindingEvidence(
            str(f.get("rule", "")),
            str(f.get("file", "")),
            int(f.get("line") or 0),
            str(f.get("message", "")),
        )
        for f in (takehomes[0].findings if takehomes else [])
    ]
    yellow = [_flag_id(f) for f in (screening.yellow if screening else [])]
    return CandidateEvidence(
        candidate_id=candidate_id,
        name=name,
        takehomes=takehomes,
        screening=screening,
        tailored=tailored_questions(findings, yellow, default_guide()),
    )
