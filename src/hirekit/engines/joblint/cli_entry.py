"""The body of ``hirekit lint-job FILE [--format json]``, as a plain function.

Kept free of click so the app's CLI group only has to parse arguments and
call :func:`run_cli`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal, TextIO

from charset_normalizer import from_bytes

from hirekit.engines.joblint.issue import LintResult
from hirekit.engines.joblint.lint import lint_job

#: Exit status when the file could not be read or decoded (0 otherwise, issues or not).
EXIT_UNREADABLE = 2


def _read_text(path: str) -> str:
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ValueError("not a text file") from None
        return str(best)


def format_text(result: LintResult) -> str:
    """Human-readable report: one block per issue, or a single all-clear line."""
    if not result.issues:
        return "No issues found.\n"
    blocks = []
    for issue in result.issues:
        lines = [f"[{issue.rule}] {issue.message}"]
        if issue.quote:
            lines.append(f'  quote: "{issue.quote}" (characters {issue.start}-{issue.end})')
        lines.append(f"  suggestion: {issue.suggestion}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{len(result.issues)} issue(s).\n"


def run_cli(
    path: str,
    fmt: Literal["text", "json"] = "text",
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Lint the job post in ``path`` and print the issues in ``fmt``.

    Returns 0 when the file was read (whether or not issues were found) and
    2 when it could not be read, after one line on ``err`` (stderr).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if fmt not in ("text", "json"):
        err.write(f"lint-job: unknown format {fmt!r} (use text or json)\n")
        return EXIT_UNREADABLE
    try:
        text = _read_text(path)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        err.write(f"lint-job: cannot read {path}: {reason}\n")
        return EXIT_UNREADABLE
    result = lint_job(text)
    if fmt == "json":
        out.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(format_text(result))
    return 0
