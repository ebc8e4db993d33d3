"""``hirekit demo load``."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from hirekit.demo.load import load_demo
from hirekit.extensions import db


@click.group("demo")
def demo_group() -> None:
    """Demo data."""


@demo_group.command("load")
@with_appcontext
def load() -> None:
    """Load the fictional demo organisation (skipped where it is already loaded)."""
    counts = load_demo()
    db.session.commit()
    if not counts:
        click.echo("demo data already loaded")
        return
    click.echo("loaded demo data: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
