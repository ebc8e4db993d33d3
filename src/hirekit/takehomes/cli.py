"""``hirekit review``: review a Flask project from the shell, no database needed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from hirekit.engines.codereview import ArchiveRefused, review
from hirekit.engines.codereview.render import render_html, render_markdown
from hirekit.engines.guide.model import USE_CASES
from hirekit.guides.registry import default_guide
from hirekit.takehomes.limits import review_limits


@click.command("review")
@click.argument("path", type=click.Path(exists=False))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md", "html"]), default="json", show_default=True
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report here instead of standard output.",
)
@click.option(
    "--use-case",
    type=click.Choice(USE_CASES),
    default=None,
    help="Read the project for this use case (what it weighs and asks); default: none.",
)
@with_appcontext
def review_command(path: str, fmt: str, output: str | None, use_case: str | None) -> None:
    """Review a Flask project (folder, .zip, .tar, .tar.gz) statically; never runs its code.

    Exit 0 with a report, 2 on input that cannot be reviewed (one line on stderr).
    """
    if not Path(path).exists():
        _fail(f"{path}: no such file or folder")
    try:
        report = review(
            path,
            limits=review_limits(current_app.config),
            guide=default_guide(),
            use_case=use_case,
        )
    except ArchiveRefused as exc:
        _fail(exc.reason)
    if fmt == "json":
        text = json.dumps(report.to_dict(), indent=2) + "\n"
    else:
        text = render_markdown(report) if fmt == "md" else render_html(report)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror}")
    else:
        click.echo(text, nl=False)


def _fail(message: str) -> None:
    click.echo(f"hirekit review: {message}", err=True)
    sys.exit(2)
