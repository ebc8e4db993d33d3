"""Pages: sign in and out, the profile (password, API tokens)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from flask_login import login_required, login_user, logout_user
from werkzeug.wrappers import Response

from hirekit.accounts import services
from hirekit.accounts.auth import page_user
from hirekit.accounts.forms import EmptyForm, LoginForm, PasswordForm, TimeZoneForm, TokenForm
from hirekit.accounts.redirects import safe_next
from hirekit.accounts.timezones import zone_names
from hirekit.errors import HirekitError, ValidationFailed
from hirekit.extensions import db, limiter

bp = Blueprint("accounts", __name__)

LOGIN_FAILED = "That email and password do not match an active account."


def _login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _account_at_address_key() -> str:
    # Per (email, address): counting per email alone let anyone lock anyone out,
    # the admin included, from anywhere. Guessing from many addresses is slowed
    # by the per-address limit and the password hash's cost.
    email = request.form.get("email", "").strip().lower()
    return f"login-account:{get_remote_address()}:{email}"


def _failed(response: Response) -> bool:
    # Only failed attempts count against the limit; a successful sign-in redirects.
    return response.status_code != 302


_THROTTLED = "Too many failed sign-in attempts. Wait a minute, then try again."


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed, error_message=_THROTTLED)
@limiter.limit(
    _login_limit,
    key_func=_account_at_address_key,
    methods=["POST"],
    deduct_when=_failed,
    error_message=_THROTTLED,
)
def login() -> Response | tuple[str, int] | str:
    if page_user():
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            services.adopt_browser_time_zone(user, form.time_zone.data or "")
            db.session.commit()
            login_user(user, remember=bool(form.remember.data))
            return redirect(safe_next(request.args.get("next"), url_for("main.dashboard")))
        flash(LOGIN_FAILED, "error")
        return render_template("accounts/login.html", form=form), 401
    if request.method == "POST":
        return render_template("accounts/login.html", form=form), 400
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
def logout() -> Response:
    form = EmptyForm()
    if form.validate_on_submit():
        user = page_user()
        if user is not None:
            services.sign_out_everywhere(user)
        logout_user()
        flash("You are signed out.", "info")
    return redirect(url_for("accounts.login"))


@bp.get("/profile")
@login_required
def profile() -> str:
    user = page_user()
    return render_template(
        "accounts/profile.html",
        user=user,
        password_form=PasswordForm(),
        token_form=TokenForm(),
        revoke_form=EmptyForm(),
        zone_form=TimeZoneForm(time_zone=user.time_zone if user else ""),
        zones=zone_names(),
    )


@bp.post("/profile/time-zone")
@login_required
def set_time_zone() -> Response:
    user = page_user()
    assert user is not None
    form = TimeZoneForm()
    if not form.validate_on_submit():
        flash("Choose a time zone from the list.", "error")
        return redirect(url_for("accounts.profile"))
    try:
        services.set_time_zone(user, form.time_zone.data or "")
    except ValidationFailed as exc:
        flash(f"{exc.message}: {form.time_zone.data!r} is not an IANA time zone name.", "error")
        return redirect(url_for("accounts.profile"))
    db.session.commit()
    flash(f"Times are now shown in {user.time_zone}.", "success")
    return redirect(url_for("accounts.profile"))


@bp.post("/profile/password")
@login_required
def change_password() -> Response | tuple[str, int]:
    user = page_user()
    assert user is not None
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                user, form.current_password.data or "", form.new_password.data or ""
            )
        except HirekitError as exc:
            flash(exc.message, "error")
        else:
            login_user(user)  # this session continues under the new nonce
            flash("Password changed. Other sessions were signed out.", "success")
            return redirect(url_for("accounts.profile"))
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "error")
    return render_template(
        "accounts/profile.html",
        user=user,
        password_form=form,
        token_form=TokenForm(),
        revoke_form=EmptyForm(),
        zone_form=TimeZoneForm(time_zone=user.time_zone if user else ""),
        zones=zone_names(),
    ), 400


@bp.post("/profile/tokens")
@login_required
def create_token() -> Response | tuple[str, int]:
    user = page_user()
    assert user is not None
    form = TokenForm()
    if form.validate_on_submit():
        issued = services.create_token(user, form.name.data or "")
        return render_template("accounts/token_created.html", issued=issued), 201
    flash("Give the token a name (up to 80 characters).", "error")
    return redirect(url_for("accounts.profile"))


@bp.post("/profile/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int) -> Response:
    user = page_user()
    assert user is not None
    if EmptyForm().validate_on_submit():
        services.revoke_token(user, token_id)
        flash("Token revoked; it no longer works.", "success")
    return redirect(url_for("accounts.profile"))
