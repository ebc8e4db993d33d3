"""Apps built once per test process and lent to one test at a time.

Building hirekit compiles some 550 URL rules and assembles the OpenAPI document:
about a third of a second of CPU, which for two thousand tests was most of the
suite's time. A test needs a clean database, an empty upload folder and exactly
the configuration it asked for; lending gives it those and nothing else.
"""

from __future__ import annotations

import copy
import shutil
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask

from hirekit.extensions import api, limiter


class AppPool:
    """Keeps built apps by configuration; a test borrows each at most once."""

    def __init__(self, build: Callable[[dict[str, Any]], Flask], keep: int = 24) -> None:
        self._build = build
        self._keep = keep
        self._shelves: OrderedDict[str, list[tuple[Flask, dict[str, Any], Any]]] = OrderedDict()

    def lend(self, config: dict[str, Any], borrowed: list[Flask]) -> Flask:
        """An app with ``config`` that this test has not borrowed yet.

        Two apps asked for with one configuration in one test stay two apps (a
        test may play two workers against each other).
        """
        key = repr(sorted(config.items()))
        shelf = self._shelves.setdefault(key, [])
        self._shelves.move_to_end(key)
        for app, pristine, spec in shelf:
            if not any(app is taken for taken in borrowed):
                _restore(app, pristine, spec)
                return app
        app = self._build(config)
        shelf.append((app, copy.deepcopy(dict(app.config)), api.spec))
        while len(self._shelves) > self._keep:
            self._shelves.popitem(last=False)
        return app


def _restore(app: Flask, pristine: dict[str, Any], spec: Any) -> None:
    """Undo what the last borrower changed: its configuration and the rate limits it spent."""
    app.config.clear()
    app.config.update(copy.deepcopy(pristine))
    # The OpenAPI document is one object too, started afresh by every build: a build that
    # failed half-way (a refused setting) left it without the later domains' paths.
    api.spec = spec
    # The limiter is one object bound to the latest app; rebinding gives this app
    # its own storage settings and a fresh count (its request hooks stay as they are).
    limiter.init_app(app)


def reset_sqlite(template: Path, target: Path) -> None:
    """Make ``target`` a fresh copy of the migrated template (every connection is closed)."""
    for leftover in (target.with_name(target.name + s) for s in ("-wal", "-shm", "-journal")):
        leftover.unlink(missing_ok=True)
    shutil.copy(template, target)


def empty_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
