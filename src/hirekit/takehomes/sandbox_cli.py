"""``hirekit takehome run``: a take-home's tests in the sandbox, no app or database needed."""

from __future__ import annotations

import sys

import click

from hirekit.engines.sandbox.cli_entry import run_cli


@click.group("takehome")
def takehome_group() -> None:
    """Take-home tools that work without the web app."""


@takehome_group.command("run")
@click.argument("project", type=click.Path())
@click.option("--tests", type=click.Path(), help="Hidden tests: a folder, .zip or .tar.gz.")
@click.option("--requirements", type=click.Path(), help="Pinned requirements for the runner.")
@click.option("--timeout", type=click.FloatRange(min=1), help="Wall-clock seconds per suite.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True
)
def run_command(
    project: str, tests: str | None, requirements: str | None, timeout: float | None, fmt: str
) -> None:
    """Run PROJECT's own tests and the hidden tests in a bubblewrap sandbox (no network).

    PROJECT and TESTS are folders or archives. Exit 0 when the run completed, whatever
    the outcomes; 2 when it was refused (no usable sandbox, unreadable input).
    """
    sys.exit(run_cli(project, tests, requirements, timeout, fmt))
