"""Blind review switched on or off for oneself, and revealing one candidate on purpose.

The reveal needs a reason, is audited and lasts for the one who revealed; who sees whom blind
is read in :mod:`hirekit.candidates.blinding`.
"""

from __future__ import annotations

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates import blinding
from hirekit.candidates.models import Candidate, CandidateReveal
from hirekit.errors import ValidationFailed
from hirekit.extensions import db


def set_blind_review(user: User, on: bool) -> None:
    """Turn blind review on or off for oneself; audited when it changes."""
    if user.blind_review == on:
        return
    user.blind_review = on
    db.session.flush()
    audit.record(
        "candidates.blind_review",
        actor=user,
        subject_type="user",
        subject_id=user.id,
        details={"blind_review": on},
    )


def reveal(candidate: Candidate, reason: str, *, actor: User) -> CandidateReveal:
    """Show ``actor`` who ``candidate`` is from now on; the reason is required and audited."""
    reason = " ".join(reason.split())
    if not 3 <= len(reason) <= 500:
        raise ValidationFailed(
            "Say why you reveal this candidate, in 3 to 500 characters.",
            details={"reason": "3 to 500 characters"},
        )
    existing = db.session.scalars(
        select(CandidateReveal).where(
            CandidateReveal.candidate_id == candidate.id, CandidateReveal.user_id == actor.id
        )
    ).first()
    if existing is not None:
        return existing
    row = CandidateReveal(candidate_id=candidate.id, user_id=actor.id, reason=reason)
    db.session.add(row)
    db.session.flush()
    blinding.forget_reveals()
    audit.record(
        "candidate.revealed",
        actor=actor,
        subject_type="candidate",
        subject_id=candidate.id,
        details={"reason": reason},
    )
    return row
