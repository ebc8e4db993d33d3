"""``hirekit review``: review a Flask project from the shell, no database needed."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from hirekit.engine_commands import review_options
from hirekit.engines.codereview.cli_entry import run_cli
from hirekit.guides.registry import default_guide
from hirekit.takehomes.limits import review_limits


@click.command("review")
@review_options
@with_appcontext
def review_command(path: str, fmt: str, output: str | None, use_case: str | None) -> None:
    """Review a Flask project (folder, .zip, .tar, .tar.gz) statically; never runs its code.

    Exit 0 with a report, 2 on input that cannot be reviewed (one line on stderr).
    """
    if not Path(path).exists():
        click.echo(f"hirekit review: {path}: no such file or folder", err=True)
        sys.exit(2)
    limits = review_limits(current_app.config)
    sys.exit(run_cli(path, fmt, output, limits, default_guide(), use_case, "hirekit review"))
