"""``hirekit audit``: check the log's keyed hash chain; print its head for safekeeping."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from hirekit.audit import services
from hirekit.audit.verification import Head


@click.group("audit")
def audit_group() -> None:
    """Inspect the audit log."""


def _anchor(ctx: click.Context, param: click.Parameter, value: str | None) -> Head | None:
    if value is None:
        return None
    try:
        return Head.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@audit_group.command("verify")
@click.option(
    "--anchor",
    callback=_anchor,
    metavar="SEQ:HASH",
    help="A head printed earlier by `hirekit audit anchor`: also detect truncation.",
)
@with_appcontext
def verify(anchor: Head | None) -> None:
    """Verify the keyed hash chain; exit 1 at the first broken link."""
    result = services.verify(anchor)
    if result.ok:
        click.echo(f"audit log intact: {result.checked} entries")
        return
    click.echo(f"audit log broken at entry {result.broken_at}: {result.reason}", err=True)
    raise SystemExit(1)


@audit_group.command("anchor")
@with_appcontext
def anchor() -> None:
    """Print the newest entry as SEQ:HASH; keep it outside this server (e.g. daily, by cron)."""
    current = services.head()
    if current is None:
        click.echo("the audit log is empty", err=True)
        raise SystemExit(1)
    click.echo(str(current))
