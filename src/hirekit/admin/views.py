"""Pages for admins: invite users, change roles, deactivate, read the audit log."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts import services
from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.forms import EmptyForm, RoleForm, UserCreateForm
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.audit.queries import AuditFilters, all_matching, entries_csv, entries_query
from hirekit.errors import HirekitError
from hirekit.pagination import paginate

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _render_users(form: UserCreateForm, status: int = 200) -> tuple[str, int]:
    return render_template(
        "admin/users.html",
        users=services.list_users(),
        form=form,
        role_form=RoleForm(),
        action_form=EmptyForm(),
    ), status


@bp.get("/users")
@requires(Permission.USERS_MANAGE)
def users() -> tuple[str, int]:
    return _render_users(UserCreateForm())


@bp.post("/users")
@requires(Permission.USERS_MANAGE)
def create_user() -> Response | tuple[str, int]:
    form = UserCreateForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(
                form.email.data or "",
                form.role.data or "",
                form.password.data or "",
                name=form.name.data or "",
                actor=page_user(),
            )
        except HirekitError as exc:
            flash(exc.message, "error")
            return _render_users(form, exc.status)
        flash(f"Created {user.email} as {user.role_label}.", "success")
        return redirect(url_for("admin.users"))
    return _render_users(form, 400)


@bp.post("/users/<int:user_id>/role")
@requires(Permission.USERS_MANAGE)
def change_role(user_id: int) -> Response:
    form = RoleForm()
    actor = page_user()
    assert actor is not None
    if form.validate_on_submit():
        user = services.get_user(user_id)
        services.change_role(user, form.role.data or "", actor=actor)
        flash(f"{user.email} is now {user.role_label}.", "success")
    else:
        flash("Choose a valid role.", "error")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/active")
@requires(Permission.USERS_MANAGE)
def set_active(user_id: int) -> Response:
    actor = page_user()
    assert actor is not None
    if EmptyForm().validate_on_submit():
        user = services.get_user(user_id)
        active = request.form.get("active") == "1"
        services.set_active(user, active, actor=actor)
        flash(f"{user.email} is {'active' if active else 'deactivated'}.", "success")
    return redirect(url_for("admin.users"))


PAGE_SIZE = 50


def _date_arg(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, "").strip())
    except ValueError:
        return None


def audit_filters_from_args() -> AuditFilters:
    """The audit log filters in the query string; malformed dates are ignored."""
    args = request.args
    return AuditFilters(
        actor=args.get("actor", "").strip()[:254],
        action=args.get("action", "").strip()[:64],
        subject_type=args.get("subject_type", "").strip()[:64],
        subject_id=args.get("subject_id", "").strip()[:64],
        since=_date_arg("since"),
        until=_date_arg("until"),
    )


@bp.get("/audit")
@requires(Permission.AUDIT_READ)
def audit_log() -> str:
    filters = audit_filters_from_args()
    page_number = max(1, request.args.get("page", 1, type=int) or 1)
    page = paginate(entries_query(filters), page_number, PAGE_SIZE)
    query = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "admin/audit.html",
        page=page,
        entries=page.items,
        head=audit.head(),
        verify_form=EmptyForm(),
        filters=filters,
        query=query,
    )


@bp.post("/audit/verify")
@requires(Permission.AUDIT_READ)
def audit_verify() -> Response:
    """Check the whole chain on demand: it reads every entry, so not on every page load."""
    if EmptyForm().validate_on_submit():
        result = audit.verify()
        if result.ok:
            flash(f"Hash chain intact ({result.checked} entries).", "success")
        else:
            flash(f"Hash chain broken at entry {result.broken_at}: {result.reason}.", "error")
    return redirect(url_for("admin.audit_log"))


@bp.get("/audit.csv")
@requires(Permission.AUDIT_READ)
def audit_csv() -> Response:
    body = entries_csv(all_matching(audit_filters_from_args()))
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
