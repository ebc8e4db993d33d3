"""``hirekit reports refresh``: store the heavy reports' figures ahead of time (for cron)."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.reports.services.snapshots import refresh


@click.group("reports")
def reports_group() -> None:
    """Hiring reports."""


@reports_group.command("refresh")
@with_appcontext
def refresh_command() -> None:
    """Compute the time-to-hire, time-in-stage, funnel, sources and offers reports for
    every reader's jobs and store them; their pages then answer at once and say when (safe to
    run from cron)."""
    stored = refresh(now=utcnow())
    db.session.commit()
    click.echo(f"stored {stored} report snapshots")
