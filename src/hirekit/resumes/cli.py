"""``hirekit screen``: screen resumes from the shell, no database needed."""

from __future__ import annotations

import sys

import click

from hirekit.engines.guide.model import USE_CASES


@click.command("screen")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--use-case", type=click.Choice(USE_CASES), default="rest-api", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "table"]),
    default="table",
    show_default=True,
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: every core).",
)
def screen_command(paths: tuple[str, ...], use_case: str, fmt: str, jobs: int | None) -> None:
    """Screen resumes (files, folders or a .zip): flags with quoted evidence, score and fit.

    Exit 0 when at least one file was read (unreadable files carry their error), 2 when none was.
    """
    # Imported here: the engine loads its readers, which --help does not need.
    from hirekit.engines.screening.cli_entry import run_cli

    sys.exit(run_cli(paths, use_case=use_case, fmt=fmt, jobs=jobs))
