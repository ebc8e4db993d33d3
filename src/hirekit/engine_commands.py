"""The engine commands (review, screen, lint-job, kit, takehome) started without the web app.

``hirekit review|screen|lint-job|kit`` only read files and print: they build no
Flask app, open no database and write nothing into the working folder, so
``hirekit.entry`` sends them here before anything of the app is imported.
Engines are imported inside each command so ``--help`` stays cheap too.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Mapping

import click

#: The use cases of the role guide (hirekit.engines.guide.model.USE_CASES), written
#: out so that ``--help`` does not load the guide.
USE_CASES = ("rest-api", "microservices", "full-stack")

MB = 1024 * 1024


def review_limits_from_env(environ: Mapping[str, str] = os.environ) -> object:
    """The review limits, from the same ``HIREKIT_REVIEW_*`` variables the app reads."""
    from hirekit.engines.codereview.limits import Limits

    defaults = Limits()

    def number(name: str, default: float) -> float:
        raw = environ.get(f"HIREKIT_REVIEW_{name}")
        try:
            return float(raw) if raw not in (None, "") else default
        except ValueError:
            raise click.UsageError(f"HIREKIT_REVIEW_{name} must be a number, not {raw!r}") from None

    return Limits(
        archive_bytes=int(number("MAX_ARCHIVE_MB", defaults.archive_bytes / MB) * MB),
        unpacked_bytes=int(number("MAX_UNPACKED_MB", defaults.unpacked_bytes / MB) * MB),
        files=int(number("MAX_FILES", defaults.files)),
        compression_ratio=number("MAX_COMPRESSION_RATIO", defaults.compression_ratio),
        source_file_bytes=int(number("MAX_SOURCE_FILE_MB", defaults.source_file_bytes / MB) * MB),
        seconds=number("TIMEOUT_SECONDS", defaults.seconds),
    )


def review_options(command: Callable[..., None]) -> Callable[..., None]:
    """The arguments of ``hirekit review``, shared by this command and the app's own."""
    for option in reversed(
        (
            click.argument("path", type=click.Path(exists=False)),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(["json", "md", "html"]),
                default="json",
                show_default=True,
            ),
            click.option(
                "--output",
                type=click.Path(dir_okay=False, writable=True),
                help="Write the report here instead of standard output.",
            ),
            click.option(
                "--use-case",
                type=click.Choice(USE_CASES),
                default=None,
                help="Read the project for this use case (what it weighs and asks); default: none.",
            ),
        )
    ):
        command = option(command)
    return command


@click.command("review")
@review_options
def review_command(path: str, fmt: str, output: str | None, use_case: str | None) -> None:
    """Review a Flask project (folder, .zip, .tar, .tar.gz) statically; never runs its code.

    Exit 0 with a report, 2 on input that cannot be reviewed (one line on stderr).
    """
    from hirekit.engines.codereview.cli_entry import run_cli
    from hirekit.engines.codereview.limits import Limits
    from hirekit.engines.guide import default_guide

    limits = review_limits_from_env()
    assert isinstance(limits, Limits)
    sys.exit(run_cli(path, fmt, output, limits, default_guide(), use_case, "hirekit review"))


@click.command("kit")
@click.option("--use-case", required=True, type=click.Choice(USE_CASES))
@click.option("--level", required=True, type=click.Choice(["junior", "mid", "senior"]))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def kit_command(use_case: str, level: str, fmt: str) -> None:
    """Print the interview kit generated from the role guide (JSON with --format json)."""
    from hirekit.engines.guide import default_guide
    from hirekit.engines.interviewkit.cli_entry import run_cli

    sys.exit(run_cli(default_guide(), use_case, level, fmt))


#: Where each command is defined; imported only when that command runs.
LAZY = {
    "review": "hirekit.engine_commands:review_command",
    "screen": "hirekit.resumes.cli:screen_command",
    "lint-job": "hirekit.jobs.cli:lint_job_command",
    "kit": "hirekit.engine_commands:kit_command",
    "takehome": "hirekit.takehomes.sandbox_cli:takehome_group",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(LAZY)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = LAZY.get(cmd_name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group("hirekit", cls=LazyGroup)
def engine_cli() -> None:
    """hirekit engine commands: review, screen, lint-job, kit (no app, no database)."""
