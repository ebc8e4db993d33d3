"""Scorecards: drafts that autosave, submission that locks, audited edits afterwards.

Independent feedback: an interviewer sees other scorecards of a candidate only
once every one of their own for that candidate is submitted; hiring managers
and admins (``DEBRIEFS_RUN``) always see them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.db import utcnow
from hirekit.errors import Conflict, Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.interviews.choices import RATINGS, InterviewStatus, Recommendation, ScorecardStatus
from hirekit.interviews.models import Interview, KitQuestion, Scorecard
from hirekit.interviews.services import kits
from hirekit.interviews.services.access import on_panel, own_feedback_done, sees_all_scorecards
from hirekit.interviews.services.tailored_ratings import tailored_for

MAX_NOTES = 5000


@dataclass
class ScorecardInput:
    #: kit question id -> (rating 1..4 or None, notes)
    answers: dict[int, tuple[int | None, str]] = field(default_factory=dict)
    attributes: dict[str, int | None] = field(default_factory=dict)
    recommendation: str = ""
    key_points: str = ""
    #: tailored question key (``t:<hash>``) -> (rating 1..4 or None, notes)
    tailored: dict[str, tuple[int | None, str]] = field(default_factory=dict)


def questions_for(card: Scorecard) -> list[KitQuestion]:
    interview = card.interview
    kit = kits.get_kit_unchecked(interview.job_id)
    return kits.questions_of(kit, interview.part_id) if kit else []


def attributes_for(card: Scorecard) -> list[str]:
    part = card.interview.part
    return list(part.attributes) if part else []


def _card(scorecard_id: int) -> Scorecard:
    card = db.session.get(Scorecard, scorecard_id)
    if card is None:
        raise NotFound(f"No scorecard with id {scorecard_id}")
    return card


def own_scorecard(scorecard_id: int, user: User) -> Scorecard:
    """A scorecard its interviewer fills in; nobody else writes it."""
    card = _card(scorecard_id)
    if card.interviewer_id != user.id:
        raise Forbidden("Only its interviewer fills in a scorecard.")
    return card


def may_read(card: Scorecard, user: User) -> bool:
    interview = card.interview
    if card.interviewer_id == user.id:
        return True
    try:
        if sees_all_scorecards(user, interview.job_id):
            return True
    except NotFound:
        return False
    # A colleague's draft is still being written: peers read submitted scorecards only.
    return (
        card.is_submitted
        and on_panel(user, interview.candidate_id, interview.job_id)
        and own_feedback_done(user, interview.candidate_id, interview.job_id)
    )


def get_scorecard(scorecard_id: int, user: User) -> Scorecard:
    card = _card(scorecard_id)
    if not may_read(card, user):
        raise Forbidden("You cannot see this scorecard (yet): submit your own first.")
    return card


def visible_scorecards(
    candidate_id: int, job_id: int, user: User, *, strict: bool = True
) -> list[Scorecard]:
    """The candidate's scorecards for the job that ``user`` may read.

    Someone off the panel without ``DEBRIEFS_RUN`` gets 403, or none when not ``strict``
    (a recruiter looking at an interview they scheduled). A panelist reads their own,
    and once all of theirs are submitted, the colleagues' submitted ones (never drafts).
    """
    cards = list(
        db.session.scalars(
            select(Scorecard)
            .join(Interview)
            .where(
                Interview.candidate_id == candidate_id,
                Interview.job_id == job_id,
                Interview.status != InterviewStatus.CANCELLED.value,
            )
            .order_by(Interview.starts_at, Scorecard.id)
        )
    )
    if sees_all_scorecards(user, job_id):
        return cards
    if not on_panel(user, candidate_id, job_id):
        if not strict:
            return []
        raise Forbidden("You are not interviewing this candidate.")
    done = own_feedback_done(user, candidate_id, job_id)
    return [c for c in cards if c.interviewer_id == user.id or (done and c.is_submitted)]


def _clean(card: Scorecard, data: ScorecardInput) -> dict[str, Any]:
    allowed = {q.id for q in questions_for(card)}
    answers: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for qid, (rating, notes) in data.answers.items():
        if qid not in allowed:
            problems[f"q{qid}"] = "not a question of this interview"
        elif rating is not None and rating not in RATINGS:
            problems[f"q{qid}"] = "a rating from 1 to 4"
        elif rating is not None or notes.strip():
            answers[str(qid)] = {"rating": rating, "notes": notes.strip()[:MAX_NOTES]}
    if data.tailored:
        tailored = {t.key: t for t in tailored_for(card)}
        for key, (rating, notes) in data.tailored.items():
            item = tailored.get(key)
            if item is None:
                problems[key] = "not a tailored question of this candidate"
            elif rating is not None and rating not in RATINGS:
                problems[key] = "a rating from 1 to 4"
            elif rating is not None or notes.strip():
                answers[key] = {
                    "rating": rating,
                    "notes": notes.strip()[:MAX_NOTES],
                    "question": item.question,
                    "topic": item.topic,
                }
    attributes: dict[str, Any] = {}
    known = set(attributes_for(card))
    for name, rating in data.attributes.items():
        if name not in known:
            problems[name] = "not a focus attribute of this interview"
        elif rating is not None and rating not in RATINGS:
            problems[name] = "a rating from 1 to 4"
        elif rating is not None:
            attributes[name] = rating
    if data.recommendation and data.recommendation not in set(Recommendation):
        problems["recommendation"] = "one of " + ", ".join(r.value for r in Recommendation)
    if problems:
        raise ValidationFailed("Some scorecard fields are invalid; see details.", details=problems)
    return {
        "answers": answers,
        "attribute_ratings": attributes,
        "recommendation": data.recommendation,
        "key_points": data.key_points.strip()[:MAX_NOTES],
    }


FIELDS = ("answers", "attribute_ratings", "recommendation", "key_points")


def save(
    scorecard_id: int, data: ScorecardInput, *, actor: User, submit: bool = False
) -> Scorecard:
    """Save the interviewer's scorecard; ``submit`` locks a draft.

    A submitted scorecard may still be edited: every change is written to the
    audit log with its previous value.
    """
    card = own_scorecard(scorecard_id, actor)
    values = _clean(card, data)
    before = {name: getattr(card, name) for name in FIELDS}
    if card.is_submitted:
        changed = {
            k: {"before": before[k], "after": v} for k, v in values.items() if before[k] != v
        }
        for name, value in values.items():
            setattr(card, name, value)
        card.updated_at = utcnow()
        if changed:
            audit.record(
                "scorecard.edited_after_submit",
                actor=actor,
                subject_type="scorecard",
                subject_id=card.id,
                details=changed,
            )
        db.session.flush()
        return card
    for name, value in values.items():
        setattr(card, name, value)
    card.updated_at = utcnow()
    if submit:
        _submit(card, actor)
    db.session.flush()
    return card


def _submit(card: Scorecard, actor: User) -> None:
    problems: dict[str, str] = {}
    if not card.recommendation:
        problems["recommendation"] = "choose a recommendation"
    if not any(a.get("rating") for a in card.answers.values()):
        problems["answers"] = "rate at least one question"
    if problems:
        raise ValidationFailed("The scorecard is not complete; see details.", details=problems)
    if card.interview.status == InterviewStatus.CANCELLED:
        raise Conflict("The interview was cancelled.")
    card.status = ScorecardStatus.SUBMITTED.value
    card.submitted_at = utcnow()
    audit.record(
        "scorecard.submitted",
        actor=actor,
        subject_type="scorecard",
        subject_id=card.id,
        details={"interview_id": card.interview_id, "recommendation": card.recommendation},
    )
