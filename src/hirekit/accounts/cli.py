"""``hirekit users``: create and list accounts from the shell."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from hirekit.accounts import services
from hirekit.accounts.passwords import generate_password
from hirekit.accounts.permissions import Role
from hirekit.errors import HirekitError
from hirekit.extensions import db


@click.group("users")
def users_group() -> None:
    """Manage user accounts."""


@users_group.command("create")
@click.option("--email", required=True)
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--name", default="")
@click.option(
    "--password", default=None, help="Initial password (default: a random one, printed once)."
)
@with_appcontext
def create(email: str, role: str, name: str, password: str | None) -> None:
    """Create a user."""
    chosen = password or generate_password()
    try:
        user = services.create_user(email, role, chosen, name=name)
        db.session.commit()
    except HirekitError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from None
    click.echo(f"created {user.email} ({user.role})")
    if password is None:
        click.echo(f"password: {chosen}")


@users_group.command("list")
@with_appcontext
def list_users() -> None:
    """List users with their role and state."""
    for user in services.list_users():
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.id:>4}  {user.email:<40} {user.role:<15} {state}")


@users_group.command("set-password")
@click.option("--email", required=True)
@click.password_option()
@with_appcontext
def set_password(email: str, password: str) -> None:
    """Reset a user's password (signs out their sessions)."""
    user = services.find_by_email(email)
    if user is None:
        raise click.ClickException(f"no user with email {email}")
    try:
        services.reset_password(user, password)
        db.session.commit()
    except HirekitError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from None
    click.echo(f"password reset for {user.email}")


@click.group("tokens")
def tokens_group() -> None:
    """Manage API tokens."""


@tokens_group.command("create")
@click.option("--email", required=True, help="The user the token acts as.")
@click.option("--name", required=True, help="What the token is for (1 to 80 characters).")
@with_appcontext
def create_token(email: str, name: str) -> None:
    """Create an API token and print it once (only its hash is stored)."""
    user = services.find_by_email(email)
    if user is None or not user.active:
        raise click.ClickException(f"no active user with email {email}")
    try:
        issued = services.create_token(user, name)
        db.session.commit()
    except HirekitError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from None
    click.echo(issued.secret)
