"""``hirekit kit`` prints a generated interview kit; ``hirekit interviews remind`` (for cron)."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

# Defined with the engine commands (no app needed); hirekit.cli registers it from here.
from hirekit.engine_commands import kit_command as kit_command
from hirekit.extensions import db
from hirekit.interviews.services.reminders import remind_overdue


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
