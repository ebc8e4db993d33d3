"""Plain entry point for ``hirekit review PATH [--format json|md|html] [--output FILE]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hirekit.engines.codereview.limits import ArchiveRefused, Limits
from hirekit.engines.codereview.render import render_html, render_markdown
from hirekit.engines.codereview.review import review
from hirekit.engines.guide.model import Guide

FORMATS = ("json", "md", "html")


def run_cli(
    path: str,
    fmt: str = "json",
    output: str | None = None,
    limits: Limits | None = None,
    guide: Guide | None = None,
    use_case: str | None = None,
    prog: str = "error",
) -> int:
    """Review ``path`` and write the report; 0 on a report, 2 on bad input (one line on stderr)."""
    if fmt not in FORMATS:
        print(f"{prog}: unknown format {fmt!r} (choose json, md or html)", file=sys.stderr)
        return 2
    try:
        report = review(path, limits=limits, guide=guide, use_case=use_case)
    except ArchiveRefused as exc:
        print(f"{prog}: {exc.reason}", file=sys.stderr)
        return 2
    except ValueError as exc:  # an unknown use case
        print(f"{prog}: {exc}", file=sys.stderr)
        return 2
    if fmt == "json":
        text = json.dumps(report.to_dict(), indent=2) + "\n"
    elif fmt == "md":
        text = render_markdown(report)
    else:
        text = render_html(report)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"{prog}: cannot write {output}: {exc.strerror}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0
