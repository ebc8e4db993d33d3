"""What an interviewer may read about a candidate: screening, take-home report, tailored questions.

Nothing else leaves here: no salary, no other jobs, no notes. The resume
screening is the candidate's latest from ``hirekit.resumes``; its yellow flags
and the newest reviewed take-home's findings drive the tailored questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from hirekit.engines.interviewkit import FindingEvidence, TailoredQuestion, tailored_questions
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.resumes.models import Screening
from hirekit.takehomes.models import Submission, SubmissionStatus


@dataclass(frozen=True)
class TakehomeEvidence:
    submission_id: int
    filename: str
    score: int | None
    level: str
    findings: list[dict[str, Any]]


@dataclass(frozen=True)
class FlagEvidence:
    """One resume flag: its guide id, its label, and the sentences quoted for it."""

    flag: str
    label: str
    quotes: list[str]


@dataclass(frozen=True)
class ScreeningEvidence:
    fit: str
    score: int | None
    use_case: str
    green: list[FlagEvidence]
    yellow: list[FlagEvidence]
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


def _flag_evidence(raw: dict[str, Any]) -> FlagEvidence:
    flag = str(raw.get("flag") or raw.get("id") or "")
    try:
        label = default_guide().flag(flag).label
    except KeyError:
        label = flag
    quotes = [str(e.get("quote", "")) for e in raw.get("evidence") or [] if isinstance(e, dict)]
    return FlagEvidence(flag, label, [q for q in quotes if q])


def resume_screening(candidate_id: int, use_case: str) -> ScreeningEvidence | None:
    """The candidate's latest successful screening, for the job's use case when there is one.

    A resume is screened once per use case; when none matches the job's, the
    newest current screening stands in (its flags are the same resume's).
    """
    query = (
        select(Screening)
        .where(
            Screening.candidate_id == candidate_id,
            Screening.current.is_(True),
            Screening.error_code == "",
        )
        .order_by(
            (Screening.use_case == use_case).desc(),
            Screening.screened_at.desc(),
            Screening.id.desc(),
        )
    )
    found = db.session.scalars(query).first()
    if found is None:
        return None
    flags = found.flags or {}
    return ScreeningEvidence(
        fit=found.effective_fit,
        score=found.score,
        use_case=found.use_case,
        green=[_flag_evidence(f) for f in flags.get("green", [])],
        yellow=[_flag_evidence(f) for f in flags.get("yellow", [])],
        explanation=list(found.explanation or []),
    )


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
    yellow = [f.flag for f in (screening.yellow if screening else [])]
    return CandidateEvidence(
        candidate_id=candidate_id,
        name=name,
        takehomes=takehomes,
        screening=screening,
        tailored=tailored_questions(findings, yellow, default_guide()),
    )
