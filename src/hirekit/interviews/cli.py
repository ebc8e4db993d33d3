"""``hirekit kit`` prints a generated interview kit; ``hirekit interviews remind`` (for cron)."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from hirekit.engines.guide import default_guide
from hirekit.engines.interviewkit.cli_entry import run_cli
from hirekit.extensions import db
from hirekit.interviews.reminders import remind_overdue


@click.command("kit")
@click.option(
    "--use-case", required=True, type=click.Choice(["rest-api", "microservices", "full-stack"])
)
@click.option("--level", required=True, type=click.Choice(["junior", "mid", "senior"]))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def kit_command(use_case: str, level: str, fmt: str) -> None:
    """Print the interview kit generated from the role guide (JSON with --format json)."""
    sys.exit(run_cli(default_guide(), use_case, level, fmt))


@click.group("interviews")
def interviews_group() -> None:
    """Interviews and scorecards."""


@interviews_group.command("remind")
@with_appcontext
def remind_command() -> None:
    """Email each interviewer once per scorecard overdue by 24 hours (safe to run from cron).

    Prints one line per reminder queued in the outbox; exits 0, also when none
    is due, and 1 only when a reminder could not be queued (it is retried next run).
    """
    reminders = remind_overdue()
    db.session.commit()
    sent = [r for r in reminders if r.message_id is not None]
    failed = [r for r in reminders if r.error]
    for r in sent:
        click.echo(
            f"reminded {r.interviewer_email}: scorecard #{r.scorecard_id} "
            f"({r.candidate_name}, {r.interview_title}), outbox message #{r.message_id}"
        )
    for r in failed:
        click.echo(
            f"not sent to {r.interviewer_email}: scorecard #{r.scorecard_id}: {r.error}", err=True
        )
    click.echo(f"interviews remind: {len(sent)} reminder(s) queued, {len(failed)} failed")
    if failed:
        sys.exit(1)
