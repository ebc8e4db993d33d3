"""Public pages: open jobs, one job with its application form, the confirmation, the feeds
of open jobs; and, for admins, the pages' look."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_limiter.errors import RateLimitExceeded
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response as BaseResponse

from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.permissions import Permission
from hirekit.careers import feeds, jsonld, status
from hirekit.careers.caching import public_document
from hirekit.careers.forms import ApplyForm, BrandingForm
from hirekit.careers.page_cache import open_positions_page
from hirekit.careers.services import applications, branding, postings
from hirekit.errors import HirekitError, ValidationFailed
from hirekit.extensions import limiter
from hirekit.interviews.ics import build_ics
from hirekit.interviews.services.scheduling import calendar_event
from hirekit.mail.footers import register_footer
from hirekit.privacy import services as privacy
from hirekit.reports import experience
from hirekit.reports.services import selfid
from hirekit.resumes.services.uploads import Upload, max_resume_mb

bp = Blueprint("careers", __name__, url_prefix="/careers")


@bp.record_once
def _add_status_links_to_mail(state: Any) -> None:
    # Every email about an application to its applicant carries their status link.
    register_footer(state.app, status.status_footer)


@bp.app_context_processor
def _careers_brand() -> dict[str, Any]:
    # A function, so only the pages that show the brand read it.
    return {"careers_brand": branding.brand}


def _rate_limit() -> str:
    return str(current_app.config["CAREERS_RATE_LIMIT"])


@bp.get("/")
def index() -> Response | str:
    return open_positions_page(
        lambda: render_template("careers/index.html", postings=postings.open_postings())
    )


def _render_job(
    job_id: int, form: ApplyForm, status: int = 200, answer_errors: dict[str, str] | None = None
) -> tuple[str, int]:
    job = applications.get_public_job(job_id)
    posting = postings.posting_of(job)
    page = render_template(
        "careers/job.html",
        posting=posting,
        job_posting=jsonld.job_posting(posting),
        questions=job.active_questions,
        answer_field=applications.answer_field,
        answers=request.form,
        answer_errors=answer_errors or {},
        form=form,
        retention_days=applications.retention_days(),
        limit_mb=max_resume_mb(),
    )
    return page, status


@bp.get("/<int:job_id>")
def job(job_id: int) -> tuple[str, int]:
    return _render_job(job_id, ApplyForm())


def _answers() -> dict[int, str]:
    prefix = applications.answer_field(0)[:-1]
    return {
        int(key.removeprefix(prefix)): value
        for key, value in request.form.items()
        if key.startswith(prefix) and key.removeprefix(prefix).isdigit()
    }


def _input(form: ApplyForm) -> applications.ApplicationInput:
    file: FileStorage | None = form.resume.data if form.resume.data else None
    links = (form.links.data or "").split()
    return applications.ApplicationInput(
        name=form.name.data or "",
        email=form.email.data or "",
        resume=Upload(file.filename or "", file.stream) if file and file.filename else None,  # type: ignore[arg-type]
        links=links,
        cover_note=form.cover_note.data or "",
        consent=bool(form.consent.data),
        website=form.website.data or "",
        answers=_answers(),
    )


@bp.post("/<int:job_id>")
@limiter.limit(_rate_limit, methods=["POST"])
def apply(job_id: int) -> Any:
    form = ApplyForm()
    if not form.validate_on_submit():  # only the CSRF token is checked here
        form.form_errors.append("The form expired; please send it again.")
        return _render_job(job_id, form, 400)
    try:
        record = applications.submit_application(job_id, _input(form))
    except ValidationFailed as exc:
        for name, message in exc.details.items():
            if name in form:
                form[name].errors = [str(message)]
        form.form_errors.append(exc.message)
        answer_errors = {k: str(v) for k, v in exc.details.items() if k not in form}
        # The page itself answers fine: it shows the form again with a message per field.
        return _render_job(job_id, form, 200, answer_errors)
    # The confirmation is reached by a redirect; a signed token in its query string
    # lets it offer the optional self-identification form for this application.
    token = selfid.offer_token(record.application_id if record else None)
    if token:
        return redirect(url_for("careers.thanks", job_id=job_id, self_id=token))
    return redirect(url_for("careers.thanks", job_id=job_id))


@bp.errorhandler(RateLimitExceeded)
def _too_many_applications(exc: RateLimitExceeded) -> tuple[str, int]:
    """The form comes back with what was typed, so nobody loses a long cover note."""
    job_id = int((request.view_args or {}).get("job_id", 0))
    form = ApplyForm()
    form.form_errors.append(
        "Too many applications were sent from your network just now. What you typed is "
        "kept below; please attach your resume again and send it later."
    )
    page, _ = _render_job(job_id, form)
    return page, 429


@bp.get("/<int:job_id>/thanks")
def thanks(job_id: int) -> str:
    posting = postings.get_posting(job_id)
    token = request.args.get("self_id", "")
    self_id_url = (
        url_for("reports_selfid.answer", job_id=job_id, token=token)
        if selfid.link_open(job_id, token)
        else None
    )
    return render_template(
        "careers/thanks.html",
        posting=posting,
        retention_days=applications.retention_days(),
        self_id_url=self_id_url,
    )


@bp.get("/feed.atom")
def feed_atom() -> BaseResponse:
    return public_document(feeds.atom(postings.open_postings()), "application/atom+xml")


@bp.get("/feed.json")
def feed_json() -> BaseResponse:
    return public_document(feeds.json_feed(postings.open_postings()), "application/feed+json")


@bp.get("/jobs.xml")
def feed_aggregators() -> BaseResponse:
    return public_document(feeds.aggregator_xml(postings.open_postings()), "application/xml")


@bp.get("/brand.css")
def brand_css() -> BaseResponse:
    look = branding.brand()
    # The colour was checked to be #rrggbb when it was saved: nothing else reaches this CSS.
    css = f":root {{ --brand: {look.accent_colour}; }}\n"
    return public_document(css, "text/css")


@bp.get("/logo")
def logo() -> BaseResponse:
    found = branding.logo()
    if found is None:
        abort(404)
    data, mimetype = found
    return public_document(data, mimetype)


def _render_settings(form: BrandingForm, status: int = 200) -> tuple[str, int]:
    return render_template("careers/settings.html", form=form, brand=branding.brand()), status


@bp.get("/settings")
@requires(Permission.CAREERS_MANAGE)
def settings() -> tuple[str, int]:
    form = BrandingForm(accent_colour=branding.brand().accent_colour)
    return _render_settings(form)


@bp.post("/settings")
@requires(Permission.CAREERS_MANAGE)
def save_settings() -> Any:
    form = BrandingForm()
    user = page_user()
    assert user is not None
    if not form.validate_on_submit():
        form.form_errors.append("Please check the fields below.")
        return _render_settings(form, 400)
    upload: FileStorage | None = form.logo.data if form.logo.data else None
    limit = branding.MAX_LOGO_BYTES
    # Read one byte past the limit: a file cannot claim a size and send more.
    data = upload.stream.read(limit + 1) if upload and upload.filename else None
    try:
        branding.update_branding(
            accent_colour=form.accent_colour.data or "",
            logo_data=data,
            remove_logo=bool(form.remove_logo.data),
            actor=user,
        )
    except ValidationFailed as exc:
        for name, message in exc.details.items():
            if name in form:
                form[name].errors = [str(message)]
        form.form_errors.append(exc.message)
        return _render_settings(form, 400)
    flash("The careers pages' look is saved.", "success")
    return redirect(url_for("careers.settings"))


def _render_status(
    token: str, survey_errors: dict[str, str] | None = None, code: int = 200
) -> tuple[str, int]:
    application = status.application_for(token)
    return render_template(
        "careers/status.html",
        view=status.status_of(application),
        token=token,
        posting_title=application.job.title,
        survey_open=experience.is_open(application),
        survey_answered=experience.answer_of(application) is not None,
        survey_question=experience.QUESTION,
        ratings=experience.RATINGS,
        survey_errors=survey_errors or {},
        survey_values=request.form if survey_errors else {},
    ), code


@bp.get("/status/<token>")
def status_page(token: str) -> tuple[str, int]:
    return _render_status(token)


@bp.post("/status/<token>/survey")
def survey(token: str) -> BaseResponse | tuple[str, int]:
    """The one-question survey after the process; answered once, through the private link."""
    application = status.application_for(token)
    if not ApplyForm().validate_on_submit():  # the CSRF token only
        return _render_status(token, {"form": "The page expired; please send it again."}, 400)
    try:
        experience.record_answer(
            application, request.form.get("rating"), request.form.get("comment", "")
        )
    except HirekitError as exc:
        # As the application form does: the page answers fine, with the message in place.
        field_name = next(iter(exc.details), "form")
        return _render_status(token, {field_name: exc.message})
    flash("Thank you for answering: it helps us improve how we hire.", "success")
    return redirect(url_for("careers.status_page", token=token) + "#survey")


@bp.post("/status/<token>/withdraw")
def withdraw(token: str) -> BaseResponse:
    application = status.application_for(token)
    if not ApplyForm().validate_on_submit():  # the CSRF token only
        flash("The page expired; please try again.", "error")
    else:
        status.withdraw(application)
        flash("Your application is withdrawn. Thank you for letting us know.", "success")
    return redirect(url_for("careers.status_page", token=token))


@bp.post("/status/<token>/data/<any(export, erasure):kind>")
def ask_about_data(token: str, kind: str) -> BaseResponse:
    application = status.application_for(token)
    if not ApplyForm().validate_on_submit():
        flash("The page expired; please try again.", "error")
    else:
        privacy.ask(application.candidate, kind)
        flash("We have your request and will answer by email within 30 days.", "success")
    return redirect(url_for("careers.status_page", token=token))


@bp.get("/status/<token>/interviews/<int:interview_id>.ics")
def interview_ics(token: str, interview_id: int) -> BaseResponse:
    interview = status.interview_of(status.application_for(token), interview_id)
    # The applicant's own copy names no interviewer: only time, place and link.
    body = build_ics(calendar_event(interview, [], ""))
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="interview-{interview.id}.ics"'
    return response
