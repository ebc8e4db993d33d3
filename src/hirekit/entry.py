"""Console entry point: engine commands start without the app, the rest with it."""

from __future__ import annotations

import sys

#: Served by hirekit.engine_commands (kept in step with its LAZY table).
ENGINE_COMMANDS = frozenset({"review", "screen", "lint-job", "kit", "takehome"})


def version() -> str:
    """hirekit's own version, from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("hirekit")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def main() -> None:
    """``hirekit review|screen|lint-job|kit|takehome`` run from ``engine_commands``;
    ``hirekit --version`` answers at once; anything else (``--help``, ``run``,
    ``setup``...) goes to the full command over the app."""
    args = sys.argv[1:]
    if args == ["--version"]:
        print(f"hirekit {version()}")
        sys.exit(0)
    if args and args[0] in ENGINE_COMMANDS:
        from hirekit.engine_commands import engine_cli

        engine_cli.main(args, prog_name="hirekit")  # exits
    else:
        from hirekit.cli import main as app_main

        app_main()
