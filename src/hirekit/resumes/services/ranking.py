"""A job's candidates ranked by screening score, blind by default, and fit overrides."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup
from sqlalchemy import and_, select
from sqlalchemy.orm import joinedload

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates import blinding
from hirekit.candidates.blinding import blind_id as blind_id
from hirekit.candidates.models import Application
from hirekit.candidates.services.candidates import get_candidate
from hirekit.db import utcnow
from hirekit.engines.screening.scoring import evidence_strength
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import get_job
from hirekit.resumes.highlight import highlight, spans_of
from hirekit.resumes.models import JobScreeningSettings, Screening

FITS = ("strong", "possible", "no")


@dataclass(frozen=True)
class Chip:
    kind: str  # "green" | "yellow"
    label: str
    confidence: str
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One ranked candidate, already blinded when the list is blind."""

    rank: int
    application: Application
    screening: Screening | None
    title: str  # the name, or a blind id such as "Candidate #A3F2"
    email: str
    chips: list[Chip] = field(default_factory=list)
    text: Markup = field(default_factory=Markup)
    #: Shares its rank: same score and same evidence as the entry before or after.
    tied: bool = False


@dataclass(frozen=True)
class RankedList:
    job: Job
    blind: bool
    entries: list[Entry]


def is_blind(job_id: int) -> bool:
    settings = db.session.get(JobScreeningSettings, job_id)
    return True if settings is None else settings.blind


def set_blind(job_id: int, blind: bool, *, actor: User) -> JobScreeningSettings:
    job = get_job(job_id, actor)
    settings = db.session.get(JobScreeningSettings, job.id) or JobScreeningSettings(job_id=job.id)
    before = settings.blind if settings.blind is not None else True
    settings.blind, settings.updated_by_id = blind, actor.id
    db.session.add(settings)
    db.session.flush()
    if before != blind:
        audit.record(
            "screening.blind_mode",
            actor=actor,
            subject_type="job",
            subject_id=job.id,
            details={"blind": blind},
        )
    return settings


def ranked_list(job_id: int, actor: User) -> RankedList:
    """The job's applications, best screening score first, unscreened ones last.

    Equal scores are ordered by the evidence behind them (how many green flags, how
    sure, how many quotes), never by upload order; entries equal on both share a rank.
    """
    job = get_job(job_id, actor)
    blind = is_blind(job.id)
    joined = and_(
        Screening.candidate_id == Application.candidate_id,
        Screening.use_case == job.use_case,
        Screening.current.is_(True),
    )
    rows = db.session.execute(
        select(Application, Screening)
        .outerjoin(Screening, joined)
        .where(Application.job_id == job.id)
        .order_by(Screening.score.is_(None), Screening.score.desc(), Application.id)
        # Each row shows its candidate and stage: joined in, not fetched one by one.
        .options(joinedload(Application.candidate), joinedload(Application.stage))
    ).all()
    labels = {f.id: f.label for f in default_guide().flags}
    keyed = sorted(((_rank_key(s), a, s) for a, s in rows), key=lambda row: row[0])
    entries = []
    rank = 0
    for position, (key, application, screening) in enumerate(keyed):
        if position == 0 or key != keyed[position - 1][0]:
            rank = position + 1
        tied = any(
            0 <= other < len(keyed) and keyed[other][0] == key
            for other in (position - 1, position + 1)
        )
        # The job's blind mode, or the reviewer's own, until they revealed this person.
        hidden = blinding.hides(actor, application.candidate_id, blind_anyway=blind)
        entries.append(_entry(rank, application, screening, hidden, labels, tied))
    return RankedList(job=job, blind=blind or actor.blind_review, entries=entries)


def _rank_key(screening: Screening | None) -> tuple[bool, int, int]:
    """Unscreened last; then the score; then the strength of the evidence behind it."""
    if screening is None or screening.score is None:
        return (True, 0, 0)
    return (False, -screening.score, -screening_strength(screening))


def screening_strength(screening: Screening) -> int:
    """The evidence behind a stored screening's green flags (see ``evidence_strength``)."""
    flags = screening.flags or {}
    green = flags.get("green", [])
    return evidence_strength(
        (str(f.get("confidence", "high")), len(f.get("evidence", []))) for f in green
    )


def _entry(
    rank: int,
    application: Application,
    screening: Screening | None,
    blind: bool,
    labels: dict[str, str],
    tied: bool = False,
) -> Entry:
    person = application.candidate
    title = blind_id(person.id) if blind else person.name
    email = "" if blind else person.email
    if screening is None:
        return Entry(rank, application, None, title, email, tied=tied)
    flags = (screening.blind_flags if blind else screening.flags) or {}
    text = screening.blind_text if blind else screening.text
    chips = [
        Chip(
            kind,
            labels.get(str(flag["flag"]), str(flag["flag"])),
            str(flag.get("confidence", "high")),
            tuple(str(e["quote"]) for e in flag.get("evidence", [])),
        )
        for kind in ("green", "yellow")
        for flag in flags.get(kind, [])
    ]
    return Entry(
        rank, application, screening, title, email, chips, highlight(text, spans_of(flags)), tied
    )


def override_fit(screening_id: int, fit: str, reason: str, *, actor: User) -> Screening:
    """Replace the engine's fit with a recruiter's judgement; the reason is required and audited."""
    screening = db.session.get(Screening, screening_id)
    if screening is None:
        raise NotFound(f"No screening with id {screening_id}")
    get_candidate(screening.candidate_id, actor)  # hidden candidates stay hidden
    reason = reason.strip()
    problems: dict[str, str] = {}
    if fit not in FITS:
        problems["fit"] = "one of " + ", ".join(FITS)
    if not 3 <= len(reason) <= 2000:
        problems["reason"] = "Say why, in 3 to 2,000 characters."
    if problems:
        raise ValidationFailed("The override needs a fit and a reason.", details=problems)
    previous = screening.effective_fit
    screening.override_fit, screening.override_reason = fit, reason
    screening.override_by_id, screening.overridden_at = actor.id, utcnow()
    db.session.flush()
    audit.record(
        "screening.override",
        actor=actor,
        subject_type="screening",
        subject_id=screening.id,
        details={
            "candidate_id": screening.candidate_id,
            "engine_fit": screening.fit,
            "from": previous,
            "to": fit,
            "reason": reason,
        },
    )
    return screening
