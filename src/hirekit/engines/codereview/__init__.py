"""Static review of a candidate's Flask project, by syntax tree only.

Candidate code is parsed, never imported or executed. ``review()`` builds a
model of the Flask app (apps, factory, blueprints, extensions, routes, config,
tests), reports findings with file:line evidence, a score with a level
estimate, and interview questions drawn from that evidence.
"""

from hirekit.engines.codereview.cli_entry import run_cli
from hirekit.engines.codereview.facts import Finding
from hirekit.engines.codereview.fingerprint import (
    FilePair,
    Fingerprint,
    Match,
    fingerprint,
    similar,
)
from hirekit.engines.codereview.limits import ArchiveRefused, Limits
from hirekit.engines.codereview.render import render_html, render_markdown
from hirekit.engines.codereview.report import Report
from hirekit.engines.codereview.review import review

__all__ = [
    "ArchiveRefused",
    "FilePair",
    "Finding",
    "Fingerprint",
    "Limits",
    "Match",
    "Report",
    "fingerprint",
    "render_html",
    "render_markdown",
    "review",
    "run_cli",
    "similar",
]
