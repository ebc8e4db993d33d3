"""``hirekit audit``: check the log's hash chain."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from hirekit.audit import services


@click.group("audit")
def audit_group() -> None:
    """Inspect the audit log."""


@audit_group.command("verify")
@with_appcontext
def verify() -> None:
    """Verify the hash chain; exit 1 at the first broken link."""
    result = services.verify()
    if result.ok:
        click.echo(f"audit log intact: {result.checked} entries")
        return
    click.echo(f"audit log broken at entry {result.broken_at}: {result.reason}", err=True)
    raise SystemExit(1)
