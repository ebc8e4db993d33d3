"""The debrief: a candidate's scorecards side by side, spreads, the level estimate, the decision."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.models import Application, Candidate
from hirekit.candidates.services import applications
from hirekit.engines.interviewkit import (
    ItemSpread,
    LevelEstimate,
    QuestionRating,
    estimate_level,
    spreads,
)
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.interviews.choices import Decision, InterviewStatus
from hirekit.interviews.debrief_summary import Disagreement, short_label, summary
from hirekit.interviews.models import DebriefDecision, Interview, KitQuestion, Scorecard
from hirekit.interviews.services import kits
from hirekit.interviews.services.access import managed_job
from hirekit.interviews.services.evidence import CandidateEvidence, candidate_evidence
from hirekit.interviews.services.tailored_ratings import is_tailored
from hirekit.jobs.choices import REJECT_REASONS, StageKind
from hirekit.jobs.models import Job, Stage


@dataclass(frozen=True)
class Debrief:
    job: Job
    candidate: Candidate
    scorecards: list[Scorecard]  # submitted ones, in interview order
    pending: list[Scorecard]  # not submitted yet
    questions: dict[str, KitQuestion]  # kit question id (text) -> question
    question_spreads: list[ItemSpread]
    attribute_spreads: list[ItemSpread]
    estimate: LevelEstimate
    evidence: CandidateEvidence
    decision: DebriefDecision | None
    #: answer key (kit question id, or ``t:<hash>`` for a tailored one) -> (text, topic)
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def disagreements(self) -> list[ItemSpread]:
        return [s for s in self.question_spreads + self.attribute_spreads if s.disagreement]

    def label(self, item: str) -> str:
        return self.labels.get(item, ("", ""))[0] or f"question {item}"

    def is_tailored(self, item: str) -> bool:
        return is_tailored(item)

    @property
    def summary(self) -> str:
        """The debrief in one plain sentence, from the figures shown under it."""
        disagreements = [
            Disagreement(short_label(*self.labels.get(s.item, (s.item, ""))), len(s.ratings))
            for s in self.question_spreads
            if s.disagreement
        ] + [Disagreement(s.item, len(s.ratings)) for s in self.attribute_spreads if s.disagreement]
        waiting = list(dict.fromkeys(_rater(c) for c in self.pending))
        return summary(
            [c.recommendation for c in self.scorecards],
            disagreements,
            waiting,
            self.estimate.level,
            self.estimate.confidence_label,
        )


def _rater(card: Scorecard) -> str:
    return card.interviewer.display_name


def panel_ratings(
    cards: list[Scorecard], questions: dict[str, KitQuestion]
) -> list[QuestionRating]:
    out = []
    for card in cards:
        for qid, answer in card.answers.items():
            rating = answer.get("rating")
            if rating is None:
                continue
            q = questions.get(qid)
            label = q.text if q else str(answer.get("question") or f"question {qid}")
            out.append(
                QuestionRating(
                    question_id=qid,
                    rater=_rater(card),
                    rating=int(rating),
                    use_cases=tuple(q.use_cases) if q else (),
                    label=label,
                )
            )
    return out


def build_debrief(job_id: int, candidate_id: int, user: User) -> Debrief:
    """Hiring managers and admins only; every submitted scorecard of an interview that
    was not cancelled counts."""
    job = managed_job(job_id, user, Permission.DEBRIEFS_RUN)
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound(f"No candidate with id {candidate_id}")
    cards = list(
        db.session.scalars(
            select(Scorecard)
            .join(Interview)
            .where(
                Interview.job_id == job.id,
                Interview.candidate_id == candidate.id,
                Interview.status != InterviewStatus.CANCELLED.value,
            )
            .order_by(Interview.starts_at, Scorecard.id)
        )
    )
    if not cards:
        raise NotFound(f"{candidate.name} has no interviews for {job.title}")
    kit = kits.get_kit(job.id, user)
    questions = {str(q.id): q for q in kit.questions}
    submitted = [c for c in cards if c.is_submitted]
    by_rater_q = {
        _rater(c): {qid: a.get("rating") for qid, a in c.answers.items()} for c in submitted
    }
    by_rater_a = {_rater(c): dict(c.attribute_ratings) for c in submitted}
    return Debrief(
        job=job,
        candidate=candidate,
        scorecards=submitted,
        pending=[c for c in cards if not c.is_submitted],
        questions=questions,
        question_spreads=spreads(by_rater_q),
        attribute_spreads=spreads(by_rater_a),
        estimate=estimate_level(panel_ratings(submitted, questions), job.use_case),
        evidence=candidate_evidence(candidate.id, candidate.name, job.id, job.use_case),
        decision=latest_decision(job.id, candidate.id),
        labels=_labels(cards, questions),
    )


def _labels(
    cards: list[Scorecard], questions: dict[str, KitQuestion]
) -> dict[str, tuple[str, str]]:
    """(text, topic) of every rated item: kit questions from the kit, tailored ones from
    the text stored with their rating."""
    labels = {qid: (q.text, q.topic) for qid, q in questions.items()}
    for card in cards:
        for key, answer in card.answers.items():
            if is_tailored(key) and key not in labels:
                labels[key] = (str(answer.get("question", "")), str(answer.get("topic", "")))
    return labels


def latest_decision(job_id: int, candidate_id: int) -> DebriefDecision | None:
    return db.session.scalars(
        select(DebriefDecision)
        .where(DebriefDecision.job_id == job_id, DebriefDecision.candidate_id == candidate_id)
        .order_by(DebriefDecision.id.desc())
    ).first()


def debrief_list(user: User) -> list[tuple[Interview, int, int]]:
    """(latest interview, submitted, total) per job and candidate the user may debrief,
    over interviews that were not cancelled."""
    if not user.can(Permission.DEBRIEFS_RUN):
        return []
    from hirekit.interviews.services.scheduling import scheduled_interviews

    seen: dict[tuple[int, int], tuple[Interview, int, int]] = {}
    for interview in scheduled_interviews(user, limit=500):
        if interview.status == InterviewStatus.CANCELLED.value:
            continue  # a cancelled interview's scorecards count nowhere
        key = (interview.job_id, interview.candidate_id)
        done = sum(1 for c in interview.scorecards if c.is_submitted)
        total = len(interview.scorecards)
        if key in seen:
            first, d, t = seen[key]
            seen[key] = (first, d + done, t + total)
        else:
            seen[key] = (interview, done, total)
    return list(seen.values())


def record_decision(
    job_id: int, candidate_id: int, decision: str, *, actor: User, reason: str = "", note: str = ""
) -> DebriefDecision:
    """Record the decision and carry it to the application: advance, reject, or to the
    job's first stage of kind ``offer``."""
    debrief = build_debrief(job_id, candidate_id, actor)
    if decision not in set(Decision):
        raise ValidationFailed("Unknown decision", details={"decision": "advance, reject or offer"})
    if decision == Decision.REJECT and reason not in REJECT_REASONS:
        raise ValidationFailed("A rejection needs a reason", details={"reason": "choose one"})
    row = DebriefDecision(
        job_id=job_id,
        candidate_id=candidate_id,
        decision=decision,
        reason=reason if decision == Decision.REJECT else "",
        note=note.strip()[:2000],
        level_estimate=debrief.estimate.level,
        decided_by_id=actor.id,
    )
    db.session.add(row)
    _apply_to_application(job_id, candidate_id, decision, reason, actor)
    db.session.flush()
    audit.record(
        "debrief.decided",
        actor=actor,
        subject_type="candidate",
        subject_id=candidate_id,
        details={
            "job_id": job_id,
            "decision": decision,
            "reason": row.reason,
            "level_estimate": row.level_estimate,
        },
    )
    return row


def _apply_to_application(
    job_id: int, candidate_id: int, decision: str, reason: str, actor: User
) -> None:
    application = db.session.scalars(
        select(Application).where(
            Application.job_id == job_id, Application.candidate_id == candidate_id
        )
    ).first()
    if application is None:
        return
    if decision == Decision.REJECT:
        applications.reject(application, reason, actor=actor)
        return
    stages: list[Stage] = list(application.job.stages)
    if decision == Decision.OFFER:
        target = next((s for s in stages if s.kind == StageKind.OFFER.value), None)
    else:
        # Advancing never lands in a stage that would reject the candidate.
        later = [
            s
            for s in stages
            if s.position > application.stage.position and s.kind != StageKind.REJECTED.value
        ]
        target = later[0] if later else None
    if target is not None and target.id != application.stage_id:
        applications.move(application, target, actor=actor)
