"""Pages: the outbox, and the email templates admins edit with a live preview."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.errors import ValidationFailed
from hirekit.mail.forms import TemplateForm
from hirekit.mail.models import MessageStatus
from hirekit.mail.placeholders import PLACEHOLDERS
from hirekit.mail.services import catalog
from hirekit.mail.services.outbox import get_message, outbox_query, status_counts
from hirekit.pagination import paginate

bp = Blueprint("mail", __name__)
PAGE_SIZE = 50


@bp.get("/outbox")
@requires(Permission.OUTBOX_READ)
def outbox() -> str:
    status = request.args.get("status") or None
    if status not in (None, *MessageStatus):
        status = None
    page_number = max(1, request.args.get("page", 1, type=int) or 1)
    return render_template(
        "mail/outbox.html",
        page=paginate(outbox_query(signed_in_user(), status), page_number, PAGE_SIZE),
        query={"status": status} if status else {},
        counts=status_counts(signed_in_user()),
        status=status,
        statuses=list(MessageStatus),
    )


@bp.get("/outbox/<int:message_id>")
@requires(Permission.OUTBOX_READ)
def message(message_id: int) -> str:
    return render_template("mail/message.html", message=get_message(message_id, signed_in_user()))


@bp.get("/admin/mail-templates")
@requires(Permission.MAIL_TEMPLATES_MANAGE)
def templates() -> str:
    return render_template("mail/templates.html", templates=catalog.list_templates())


def _render_edit(key: str, form: TemplateForm, status: int = 200) -> tuple[str, int]:
    preview = None
    if form.subject.data and form.body.data:
        try:
            preview = catalog.preview(form.subject.data, form.body.data)
        except ValidationFailed as exc:
            for name, problem in exc.details.items():
                getattr(form, name).errors = [*getattr(form, name).errors, problem]
    return render_template(
        "mail/template_edit.html",
        template=catalog.get_template(key),
        form=form,
        preview=preview,
        placeholders=PLACEHOLDERS,
    ), status


@bp.get("/admin/mail-templates/<key>")
@requires(Permission.MAIL_TEMPLATES_MANAGE)
def edit_template(key: str) -> tuple[str, int]:
    template = catalog.get_template(key)
    return _render_edit(
        key, TemplateForm(data={"subject": template.subject, "body": template.body})
    )


@bp.post("/admin/mail-templates/<key>")
@requires(Permission.MAIL_TEMPLATES_MANAGE)
def save_template(key: str) -> Response | tuple[str, int]:
    form = TemplateForm()
    if not form.validate_on_submit():
        return _render_edit(key, form, 400)
    if form.preview.data:  # the no-script preview: show it, save nothing
        return _render_edit(key, form)
    try:
        catalog.update_template(
            key, form.subject.data or "", form.body.data or "", actor=signed_in_user()
        )
    except ValidationFailed:
        return _render_edit(key, form, 422)
    flash("Template saved.", "success")
    return redirect(url_for("mail.edit_template", key=key))


@bp.post("/admin/mail-templates/<key>/preview")
@requires(Permission.MAIL_TEMPLATES_MANAGE)
def preview_template(key: str) -> dict[str, str]:
    """JSON for the live preview; invalid text answers 422 with the problems per field."""
    catalog.get_template(key)
    rendered = catalog.preview(request.form.get("subject", ""), request.form.get("body", ""))
    return {"subject": rendered.subject, "body": rendered.body}
