"""The ``hirekit`` command: a FlaskGroup over create_app; each domain adds its group."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, routes_command, shell_command, with_appcontext
from flask_migrate import upgrade
from werkzeug.serving import run_simple

from hirekit.config import ConfigError, ensure_secret_key_file, instance_path_from_env

if TYPE_CHECKING:
    from hirekit.demo.logins import Login

log = logging.getLogger(__name__)

ADMIN_EMAIL = "admin@example.com"


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
    # Flask's own option reports Flask's version; hirekit reports its own (entry.py
    # answers it before the app is imported, this one covers `python -m` style calls).
    add_version_option=False,
    load_dotenv=False,
    set_debug_flag=False,
)
@click.version_option(package_name="hirekit", prog_name="hirekit", message="%(prog)s %(version)s")
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
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--no-worker", is_flag=True, help="Do not start the in-process job worker.")
@click.option(
    "--setup",
    "set_up_first",
    is_flag=True,
    help="First do what `hirekit setup` does, and end with who can sign in.",
)
@click.option("-v", "--verbose", is_flag=True, help="With --setup: show each migration run.")
@with_appcontext
def run_command(host: str, port: int, no_worker: bool, set_up_first: bool, verbose: bool) -> None:
    """Serve the app (development server) with the embedded job worker."""
    from hirekit.demo.logins import login_block
    from hirekit.queue import lifecycle
    from hirekit.queue.embedded import EmbeddedBackend, EmbeddedWorker
    from hirekit.queue.enqueue import backend

    logins = set_up(None, verbose) if set_up_first else None
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    chosen = backend()
    worker = None
    if isinstance(chosen, EmbeddedBackend) and app.config["EMBEDDED_WORKER"] and not no_worker:
        lifecycle.raise_on_sigterm()
        lifecycle.begin()  # the worker's temporary folder, and dead workers' leftovers swept
        worker = EmbeddedWorker(app, chosen)
        worker.start()
        click.echo("embedded job worker started")
    url = f"http://{host}:{port}"
    # The sign-in block comes last, right above the server's own "Running on".
    click.echo(f"hirekit serving on {url}" if logins is None else login_block(logins, url))
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
@click.option("-v", "--verbose", is_flag=True, help="Show each migration run.")
@with_appcontext
def setup_command(demo: bool | None, verbose: bool) -> None:
    """Prepare a fresh install: migrate, load demo data once, create a first admin.

    Ends with who can sign in: the first admin (with the password made for it,
    shown this once) and each demo user with the demo password.
    """
    from hirekit.demo.logins import login_block

    click.echo(login_block(set_up(demo, verbose)))


def set_up(demo: bool | None, verbose: bool) -> list[Login]:
    """Migrate, create the first admin and load the demo; the logins to show afterwards."""
    from hirekit.accounts import services as accounts
    from hirekit.accounts.passwords import generate_password
    from hirekit.demo import load_demo
    from hirekit.demo.load import DEMO_USERS
    from hirekit.demo.logins import Login, demo_logins
    from hirekit.extensions import db

    # Alembic says nothing below WARNING unless asked: its lines would bury the logins.
    upgrade(x_arg=["verbose=1"] if verbose else None)
    logins: list[Login] = []
    if accounts.count_users() == 0:
        password = generate_password()
        accounts.create_user(ADMIN_EMAIL, "admin", password, name="Admin")
        db.session.commit()
        click.echo("created the first admin")
        logins.append(Login(ADMIN_EMAIL, "admin", password))
        wants_demo = current_app.config["DEMO"] if demo is None else demo
    else:
        click.echo(
            "already set up (sign in with an existing account; "
            "`hirekit users set-password` resets one)"
        )
        admin = accounts.find_by_email(ADMIN_EMAIL)
        if admin is not None and admin.active:
            logins.append(Login(ADMIN_EMAIL, "admin", None))
        # An install that has the demo gets its newer parts; loading is idempotent.
        has_demo = accounts.find_by_email(DEMO_USERS[0][0]) is not None
        wants_demo = demo if demo is not None else current_app.config["DEMO"] and has_demo
    if wants_demo:
        counts = load_demo()
        db.session.commit()
        if counts:
            click.echo("loaded demo data: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return logins + demo_logins()


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
