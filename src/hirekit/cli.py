"""The ``hirekit`` command: a FlaskGroup over create_app; each domain adds its group."""

from __future__ import annotations

import logging
import sys

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, routes_command, shell_command, with_appcontext
from flask_migrate import upgrade
from werkzeug.serving import run_simple

from hirekit.config import ConfigError, ensure_secret_key_file, instance_path_from_env

log = logging.getLogger(__name__)


def _create_app() -> Flask:
    from hirekit import create_app

    return create_app()


class HirekitGroup(FlaskGroup):
    """FlaskGroup without the generic --app/--env-file/--debug options: the app is fixed."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.params = [p for p in self.params if p.name not in {"app", "env_file", "debug"}]


@click.group(
    cls=HirekitGroup,
    create_app=_create_app,
    add_default_commands=False,
    add_version_option=True,
    load_dotenv=False,
    set_debug_flag=False,
)
def cli() -> None:
    """hirekit: hire Flask and Python web developers.

    Settings come from HIREKIT_* environment variables (see README).
    """


def main() -> None:
    """Console entry point: make sure a secret key exists, then run the command."""
    try:
        instance = instance_path_from_env()
        instance.mkdir(parents=True, exist_ok=True)  # the embedded database lives here
        ensure_secret_key_file(instance)
        cli.main(prog_name="hirekit")
    except ConfigError as exc:
        click.echo(f"hirekit: configuration error: {exc}", err=True)
        sys.exit(2)


@click.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--no-worker", is_flag=True, help="Do not start the in-process job worker.")
@with_appcontext
def run_command(host: str, port: int, no_worker: bool) -> None:
    """Serve the app (development server) with the embedded job worker."""
    from hirekit.queue import lifecycle
    from hirekit.queue.embedded import EmbeddedBackend, EmbeddedWorker
    from hirekit.queue.enqueue import backend

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    chosen = backend()
    worker = None
    if isinstance(chosen, EmbeddedBackend) and app.config["EMBEDDED_WORKER"] and not no_worker:
        lifecycle.raise_on_sigterm()
        lifecycle.begin()  # the worker's temporary folder, and dead workers' leftovers swept
        worker = EmbeddedWorker(app, chosen)
        worker.start()
        click.echo("embedded job worker started")
    click.echo(f"hirekit serving on http://{host}:{port}")
    try:
        # werkzeug directly: Flask ignores app.run() inside its own CLI.
        run_simple(host, port, app, use_reloader=False, use_debugger=False, threaded=True)
    except lifecycle.StopRequested:
        pass
    finally:
        if worker is not None:  # as `hirekit worker` stops: no job's helper outlives us
            worker.stopping.set()
            lifecycle.stop_children()
            worker.stop()
            lifecycle.end()


@click.command("worker")
@click.option("--burst", is_flag=True, help="Run what is due, then exit.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run background jobs: RQ on Redis when HIREKIT_REDIS_URL is set, else the job table."""
    from hirekit.queue import lifecycle
    from hirekit.queue.embedded import EmbeddedBackend, EmbeddedWorker
    from hirekit.queue.enqueue import backend
    from hirekit.queue.lease import heartbeat_seconds
    from hirekit.queue.rq_backend import ReapingWorker, RQBackend
    from hirekit.queue.runner import drain

    chosen = backend()
    embedded = not isinstance(chosen, RQBackend)
    if embedded:  # RQ handles SIGTERM itself: the job finishes, a second SIGTERM kills it
        lifecycle.raise_on_sigterm()
    try:
        lifecycle.begin()
        if isinstance(chosen, RQBackend):
            ReapingWorker(
                [chosen.queue], connection=chosen.connection, reap_every=heartbeat_seconds()
            ).work(burst=burst, with_scheduler=True)
        elif burst:
            click.echo(f"ran {drain()} job(s)")
        else:
            assert isinstance(chosen, EmbeddedBackend)
            app = current_app._get_current_object()  # type: ignore[attr-defined]
            lifecycle.run_until_stopped(EmbeddedWorker(app, chosen))
    except (KeyboardInterrupt, lifecycle.StopRequested):
        pass
    finally:
        lifecycle.stop_children()
        lifecycle.end()


@click.command("setup")
@click.option("--demo/--no-demo", default=None, help="Load demo data (default: HIREKIT_DEMO).")
@with_appcontext
def setup_command(demo: bool | None) -> None:
    """Prepare a fresh install: migrate, load demo data once, create a first admin."""
    from hirekit.accounts import services as accounts
    from hirekit.accounts.passwords import generate_password
    from hirekit.demo import load_demo
    from hirekit.extensions import db

    upgrade()
    if accounts.count_users() == 0:
        password = generate_password()
        accounts.create_user("admin@example.com", "admin", password, name="Admin")
        db.session.commit()
        click.echo("created the first admin:")
        click.echo("  email:    admin@example.com")
        click.echo(f"  password: {password}")
        wants_demo = current_app.config["DEMO"] if demo is None else demo
        if wants_demo:
            counts = load_demo()
            db.session.commit()
            click.echo("loaded demo data: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    else:
        click.echo(
            "already set up (sign in with an existing account; "
            "`hirekit users set-password` resets one)"
        )


def register_commands(app: Flask) -> None:
    """The application-wide and engine commands; domains add their own groups."""
    from hirekit.demo import demo_group
    from hirekit.interviews.cli import kit_command
    from hirekit.jobs.cli import lint_job_command
    from hirekit.resumes.cli import screen_command
    from hirekit.takehomes.cli import review_command
    from hirekit.takehomes.sandbox_cli import takehome_group

    for command in (
        run_command,
        worker_command,
        setup_command,
        demo_group,
        review_command,
        takehome_group,
        screen_command,
        lint_job_command,
        kit_command,
        routes_command,
        shell_command,
    ):
        app.cli.add_command(command)
