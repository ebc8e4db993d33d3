"""Pages for admins: invite users, change roles, deactivate, read the audit log."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts import services
from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.forms import EmptyForm, RoleForm, UserCreateForm
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.errors import HirekitError

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


@bp.get("/audit")
@requires(Permission.AUDIT_READ)
def audit_log() -> str:
    action = request.args.get("action", "").strip() or None
    return render_template(
        "admin/audit.html",
        entries=audit.recent(action=action),
        verification=audit.verify(),
        action=action or "",
    )
