"""``hirekit kit``: print the generated interview kit for a use case and level."""

from __future__ import annotations

import sys

import click

from hirekit.engines.guide import default_guide
from hirekit.engines.interviewkit.cli_entry import run_cli


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
