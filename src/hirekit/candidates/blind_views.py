"""Pages: one's own blind-review switch and revealing one candidate (audited)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.candidates import blinding
from hirekit.candidates.forms import BlindReviewForm, RevealForm
from hirekit.candidates.models import Candidate
from hirekit.candidates.services import blind_review, candidates
from hirekit.errors import ValidationFailed

bp = Blueprint("candidates_blind", __name__)


@bp.post("/blind-review")
@requires(Permission.CANDIDATES_READ)
def switch() -> Response:
    form = BlindReviewForm()
    if not form.validate_on_submit() or form.on.data not in ("on", "off"):
        raise ValidationFailed("The form expired; reload the page and try again.")
    on = form.on.data == "on"
    blind_review.set_blind_review(signed_in_user(), on)
    flash(
        "Blind review is on: candidates show without name, contacts or address."
        if on
        else "Blind review is off.",
        "success",
    )
    return redirect(_back())


@bp.post("/candidates/<int:candidate_id>/reveal")
@requires(Permission.CANDIDATES_READ)
def reveal(candidate_id: int) -> Response:
    me = signed_in_user()
    candidate = candidates.get_candidate(candidate_id, me)
    form = RevealForm()
    if not form.validate_on_submit():
        raise ValidationFailed("Say why you reveal this candidate.", details={"reason": "required"})
    blind_review.reveal(candidate, form.reason.data or "", actor=me)
    flash("Revealed; this is recorded in the audit log.", "success")
    return redirect(url_for("candidates.show", candidate_id=candidate.id))


def _back() -> str:
    target = request.form.get("next", "")
    # Only a path on this site: never an open redirect.
    if target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("candidates.index")


@bp.app_context_processor
def _helpers() -> dict[str, Any]:
    return {
        "candidate_title": _title,
        "blind_view": _hidden,
        "blind_review_form": BlindReviewForm,
        "reveal_form": RevealForm,
    }


def _title(candidate: Candidate) -> str:
    return blinding.title(page_user(), candidate)


def _hidden(candidate: Candidate | int) -> bool:
    candidate_id = candidate if isinstance(candidate, int) else candidate.id
    return blinding.hides(page_user(), candidate_id)
