"""``hirekit retention run``: delete candidates idle past the retention period (for cron)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from hirekit.privacy.services import run_retention


@click.group("retention")
def retention_group() -> None:
    """Data retention."""


@retention_group.command("run")
@click.option("--dry-run", is_flag=True, help="List who would be deleted; change nothing.")
@with_appcontext
def run_command(dry_run: bool) -> None:
    """Delete candidates with no activity for HIREKIT_RETENTION_DAYS (never the hired)."""
    days = int(current_app.config["RETENTION_DAYS"])
    run = run_retention(days, dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    ids = run.due if dry_run else run.deleted
    click.echo(
        f"retention: {days} days, cutoff {run.cutoff:%Y-%m-%d}; {verb} {len(ids)} candidate(s)"
    )
    for candidate_id in ids:
        click.echo(f"  candidate #{candidate_id}")
