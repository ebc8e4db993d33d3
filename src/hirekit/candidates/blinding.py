"""Blind review: who sees candidates without name, contacts or address, and under what name.

A user with blind review on sees every candidate as "Candidate #XXXX" on the
ranked list, the board, the candidate page, take-home reports and the API,
and reads the blinded resume text and quotes, until they reveal that one
candidate on purpose, with a reason; the reveal is audited and lasts for them.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from flask import current_app, g
from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.candidates.models import Candidate, CandidateReveal
from hirekit.extensions import db

HIDDEN = "hidden (blind review)"


def blind_id(candidate_id: int) -> str:
    """A stable pseudonym that reviewers cannot turn back into the candidate id."""
    key = str(current_app.config["SECRET_KEY"]).encode()
    digest = hmac.new(key, f"candidate:{candidate_id}".encode(), hashlib.sha256).hexdigest()
    return f"Candidate #{digest[:4].upper()}"


def revealed_ids(viewer: User | None) -> frozenset[int]:
    """The candidates ``viewer`` revealed, read once per request."""
    if viewer is None:
        return frozenset()
    cache: dict[int, frozenset[int]] = g.setdefault("_revealed_ids", {})
    if viewer.id not in cache:
        query = select(CandidateReveal.candidate_id).where(CandidateReveal.user_id == viewer.id)
        cache[viewer.id] = frozenset(db.session.scalars(query))
    return cache[viewer.id]


def hides(viewer: User | None, candidate_id: int, *, blind_anyway: bool = False) -> bool:
    """Whether ``viewer`` must not see who ``candidate_id`` is (``blind_anyway``: the page
    is blind for everyone, as a job's ranked list in blind mode)."""
    if viewer is None:
        return blind_anyway
    if not (blind_anyway or getattr(viewer, "blind_review", False)):
        return False
    return candidate_id not in revealed_ids(viewer)


def title(viewer: User | None, candidate: Candidate) -> str:
    """The candidate's name, or their pseudonym for a blind reviewer."""
    return blind_id(candidate.id) if hides(viewer, candidate.id) else candidate.name


def titles(viewer: User | None, candidates: Iterable[Candidate]) -> dict[int, str]:
    return {c.id: title(viewer, c) for c in candidates}


def forget_reveals() -> None:
    """Drop the reveals read for this request, so a reveal just made shows at once."""
    g.pop("_revealed_ids", None)
