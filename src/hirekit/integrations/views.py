"""Admin pages: register webhooks, see each one's delivery history."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from hirekit import confirmation
from hirekit.accounts.auth import requires
from hirekit.accounts.current import signed_in_user
from hirekit.accounts.permissions import Permission
from hirekit.errors import ValidationFailed
from hirekit.integrations import services
from hirekit.integrations.forms import SubscriptionForm

bp = Blueprint("integrations", __name__, url_prefix="/admin/webhooks")


def _form() -> SubscriptionForm:
    form = SubscriptionForm()
    form.events.choices = list(services.EVENTS.items())
    return form


def _render_index(form: SubscriptionForm, status: int = 200) -> tuple[str, int]:
    return render_template(
        "integrations/index.html",
        form=form,
        subscriptions=services.list_subscriptions(),
        events=services.EVENTS,
    ), status


@bp.get("")
@requires(Permission.WEBHOOKS_MANAGE)
def index() -> tuple[str, int]:
    return _render_index(_form())


@bp.post("")
@requires(Permission.WEBHOOKS_MANAGE)
def create() -> tuple[str, int]:
    form = _form()
    if not form.validate_on_submit():
        return _render_index(form, 400)
    try:
        made = services.create_subscription(
            form.url.data or "",
            form.events.data or [],
            actor=signed_in_user(),
            description=form.description.data or "",
        )
    except ValidationFailed as exc:
        form.url.errors = [*form.url.errors, exc.message]
        return _render_index(form, exc.status)
    return render_template("integrations/created.html", made=made), 201


@bp.get("/<int:subscription_id>")
@requires(Permission.WEBHOOKS_MANAGE)
def show(subscription_id: int) -> str:
    return render_template(
        "integrations/show.html",
        subscription=services.get_subscription(subscription_id),
        deliveries=services.recent_deliveries(subscription_id),
    )


@bp.post("/<int:subscription_id>/delete")
@requires(Permission.WEBHOOKS_MANAGE)
def delete(subscription_id: int) -> Response | tuple[str, int]:
    if not confirmation.confirmed():
        subscription = services.get_subscription(subscription_id)
        return confirmation.ask(
            title="Delete this webhook?",
            message=f"Deliveries to {subscription.url} stop and their history is removed.",
            button="Delete webhook",
            cancel_url=url_for("integrations.show", subscription_id=subscription_id),
        )
    services.delete_subscription(subscription_id, actor=signed_in_user())
    flash("Webhook deleted.", "success")
    return redirect(url_for("integrations.index"))


@bp.post("/<int:subscription_id>/ping")
@requires(Permission.WEBHOOKS_MANAGE)
def ping(subscription_id: int) -> Response:
    delivery = services.send_ping(subscription_id, actor=signed_in_user())
    flash(f"Test ping {delivery.uuid} queued; its result shows below.", "success")
    return redirect(url_for("integrations.show", subscription_id=subscription_id))
