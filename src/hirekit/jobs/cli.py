"""``hirekit lint-job``: check a job post against the role guide's hiring mistakes."""

from __future__ import annotations

import sys

import click


@click.command("lint-job")
@click.argument("file", type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def lint_job_command(file: str, fmt: str) -> None:
    """Check a job description (text or Markdown) for common Flask hiring mistakes.

    Exit 0 when the file was read (issues or not), 2 when it could not be read.
    """
    from hirekit.engines.joblint.cli_entry import run_cli  # not needed for --help

    sys.exit(run_cli(file, fmt))  # type: ignore[arg-type]
