"""Pages: candidate search, a candidate with timeline and notes, create, edit, merge, export."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.choices import SOURCES
from hirekit.candidates.dedupe import find_duplicates
from hirekit.candidates.exports import candidate_record
from hirekit.candidates.forms import ApplyForm, CandidateForm, MergeForm, NewCandidateForm, NoteForm
from hirekit.candidates.search import FITS, SearchFilters, search_query
from hirekit.candidates.services import applications, candidates, rejection_emails
from hirekit.candidates.services.intake import create_with_application, merge_pair
from hirekit.candidates.services.merge import MERGE_FIELDS, merge_candidates
from hirekit.candidates.services.timeline import events_for
from hirekit.errors import HirekitError, ValidationFailed
from hirekit.extensions import db
from hirekit.forms import options
from hirekit.guides.registry import default_guide
from hirekit.jobs.services.jobs import list_jobs

bp = Blueprint("candidates", __name__, url_prefix="/candidates")

PAGE_SIZE = 50


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() else None


def _date_arg(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None  # empty or not a date: no filter, as for the other fields


@bp.get("/")
@requires(Permission.CANDIDATES_READ)
def index() -> str:
    me = signed_in_user()
    filters = SearchFilters(
        text=request.args.get("q", "")[:200],
        job_id=_int_arg("job"),
        stage_id=_int_arg("stage"),
        source=request.args.get("source", ""),
        tag=request.args.get("tag", "")[:40],
        fit=request.args.get("fit", "")[:16],
        flag=request.args.get("flag", "")[:60],
        applied_since=_date_arg("since"),
        applied_until=_date_arg("until"),
    )
    found = list(db.session.scalars(search_query(me, filters).limit(PAGE_SIZE)))
    return render_template(
        "candidates/index.html",
        candidates=found,
        filters=filters,
        jobs=list_jobs(me),
        sources=SOURCES,
        fits=FITS,
        flags=default_guide().flags,
        page_size=PAGE_SIZE,
    )


def _job_choices(form: NewCandidateForm | ApplyForm, me: User, blank: bool) -> None:
    jobs: list[tuple[object, str]] = [
        (j.id, f"{j.title} ({j.state})") for j in list_jobs(me) if j.state != "closed"
    ]
    form.job_id.choices = options([(0, "— no job yet —"), *jobs] if blank else jobs)


@bp.route("/new", methods=["GET", "POST"])
@requires(Permission.CANDIDATES_WRITE)
def new() -> Response | tuple[str, int]:
    me = signed_in_user()
    form = NewCandidateForm()
    _job_choices(form, me, blank=True)
    if form.validate_on_submit():
        try:
            candidate = create_with_application(
                form.to_fields(),
                job_id=form.job_id.data or None,
                note=form.note.data or "",
                allow_duplicate=bool(form.allow_duplicate.data),
                actor=me,
            )
        except HirekitError as exc:
            flash(exc.message, "error")
            duplicates = exc.details.get("duplicates", [])
            return render_template(
                "candidates/new.html", form=form, duplicates=duplicates
            ), exc.status
        flash(f"Added {candidate.name}.", "success")
        return redirect(url_for("candidates.show", candidate_id=candidate.id))
    status = 400 if request.method == "POST" else 200
    return render_template("candidates/new.html", form=form, duplicates=[]), status


@bp.get("/<int:candidate_id>")
@requires(Permission.CANDIDATES_READ)
def show(candidate_id: int) -> str:
    me = signed_in_user()
    candidate = candidates.get_candidate(candidate_id, me)
    audit.record_view(me, "candidate", candidate.id, "page")
    job_ids = candidates.visible_job_ids(me)
    apply_form = ApplyForm()
    _job_choices(apply_form, me, blank=False)
    mine = applications.applications_for(candidate, me)
    return render_template(
        "candidates/show.html",
        candidate=candidate,
        applications=mine,
        waiting_rejections={a.id: rejection_emails.pending(a) for a in mine},
        can_send_rejection={a.id: rejection_emails.can_send(a) for a in mine},
        notes=candidates.notes_for(candidate, job_ids),
        events=events_for(candidate, job_ids),
        note_form=NoteForm(),
        apply_form=apply_form,
        merge_form=MergeForm(),
        # Offered, never applied: each links to the side-by-side preview.
        duplicates=find_duplicates(
            candidate.name,
            candidate.email,
            candidate.phone,
            list(candidate.links),
            exclude_id=candidate.id,
        ),
    )


@bp.route("/<int:candidate_id>/edit", methods=["GET", "POST"])
@requires(Permission.CANDIDATES_WRITE)
def edit(candidate_id: int) -> Response | tuple[str, int]:
    me = signed_in_user()
    candidate = candidates.get_candidate(candidate_id, me)
    form = CandidateForm()
    if request.method == "GET":
        form.fill(candidates.fields_of(candidate))
    if form.validate_on_submit():
        try:
            candidates.update_candidate(candidate, form.to_fields(), actor=me)
        except HirekitError as exc:
            flash(exc.message, "error")
            return render_template("candidates/edit.html", form=form, candidate=candidate), 422
        flash("Saved.", "success")
        return redirect(url_for("candidates.show", candidate_id=candidate.id))
    status = 400 if request.method == "POST" else 200
    return render_template("candidates/edit.html", form=form, candidate=candidate), status


@bp.post("/<int:candidate_id>/notes")
@requires(Permission.CANDIDATES_WRITE)
def add_note(candidate_id: int) -> Response:
    me = signed_in_user()
    form = NoteForm()
    if not form.validate_on_submit():
        raise ValidationFailed("Write a note of up to 10,000 characters.")
    candidates.add_note(candidates.get_candidate(candidate_id, me), form.body.data or "", actor=me)
    flash("Note added.", "success")
    return redirect(url_for("candidates.show", candidate_id=candidate_id))


@bp.post("/<int:candidate_id>/applications")
@requires(Permission.CANDIDATES_WRITE)
def apply(candidate_id: int) -> Response:
    me = signed_in_user()
    form = ApplyForm()
    _job_choices(form, me, blank=False)
    if not form.validate_on_submit():
        raise ValidationFailed("Choose a job you can see.")
    create_with_application(None, candidate_id=candidate_id, job_id=form.job_id.data, actor=me)
    flash("Application added.", "success")
    return redirect(url_for("candidates.show", candidate_id=candidate_id))


@bp.route("/<int:candidate_id>/merge", methods=["GET", "POST"])
@requires(Permission.CANDIDATES_WRITE)
def merge(candidate_id: int) -> Response | tuple[str, int] | str:
    """GET shows both records side by side with a choice per field; POST merges as chosen."""
    me = signed_in_user()
    form = MergeForm() if request.method == "POST" else MergeForm(formdata=None)
    other = (form.other_id.data if request.method == "POST" else request.args.get("other")) or ""
    try:
        target, source = merge_pair(candidate_id, other, actor=me)
    except ValidationFailed as exc:
        target = candidates.get_candidate(candidate_id, me)
        form.other_id.data = other
        return render_template(
            "candidates/merge.html", target=target, source=None, form=form, error=exc.message
        ), 422
    if request.method == "GET":
        form.other_id.data = str(source.id)
        return render_template(
            "candidates/merge.html", target=target, source=source, form=form, error=""
        )
    if not form.validate_on_submit():
        raise ValidationFailed("The form expired; reload the page and try again.")
    choices = {f: request.form[f"keep_{f}"] for f in MERGE_FIELDS if request.form.get(f"keep_{f}")}
    gone = source.id
    try:
        merged = merge_candidates(target, source, actor=me, choices=choices)
    except ValidationFailed as exc:
        return render_template(
            "candidates/merge.html", target=target, source=source, form=form, error=exc.message
        ), 422
    flash(f"Merged candidate #{gone} into {merged.name}; nothing was lost.", "success")
    return redirect(url_for("candidates.show", candidate_id=candidate_id))


@bp.get("/<int:candidate_id>/export.json")
@requires(Permission.CANDIDATES_READ)
def export_json(candidate_id: int) -> Any:
    me = signed_in_user()
    record = candidate_record(candidates.get_candidate(candidate_id, me), me)
    response = jsonify(record)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="candidate-{candidate_id}.json"'
    )
    return response
