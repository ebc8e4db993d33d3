"""``review()``: from a folder or archive to a ``Report``."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from hirekit.engines.codereview.analyse import analyse_all
from hirekit.engines.codereview.facts import SEVERITIES, FileFacts, Finding
from hirekit.engines.codereview.flaskmodel import build_model
from hirekit.engines.codereview.limits import ArchiveRefused, Deadline, Limits
from hirekit.engines.codereview.questions import questions
from hirekit.engines.codereview.report import Report, Stats
from hirekit.engines.codereview.rules import project as project_rules
from hirekit.engines.codereview.scoring import score
from hirekit.engines.codereview.sidefiles import dependencies, env_findings, template_findings
from hirekit.engines.codereview.sources import ProjectFiles, collect
from hirekit.engines.codereview.unpack import unpacked
from hirekit.engines.codereview.winnow import K, W
from hirekit.engines.guide.model import Guide

#: Evidence snippets are kept only for files with findings, this many lines around each.
SNIPPET_CONTEXT = 3


def _default_guide() -> Guide | None:
    try:
        from hirekit.engines.guide import default_guide

        return default_guide()
    # The guide is optional here: a missing or invalid guide file must not stop a
    # review, the questions then fall back to our own wording.
    except Exception:
        return None


@contextmanager
def project_folder(
    path: str | os.PathLike[str], limits: Limits, deadline: Deadline
) -> Iterator[tuple[Path, str]]:
    """Yield ``(root, label)`` for a folder, or for an archive unpacked safely."""
    source = Path(path)
    if source.is_dir():
        yield source, str(source)
        return
    if not source.is_file():
        raise ArchiveRefused(f"no such file or folder: {source.name}")
    with unpacked(source, limits, deadline) as (root, wrapper):
        yield root, f"{source.name}/{wrapper}" if wrapper else source.name


def _sources(
    facts: Sequence[FileFacts], findings: Sequence[Finding], files: ProjectFiles
) -> dict[str, list[str]]:
    wanted = {f.file for f in findings}
    paths = {s.rel: s.path for s in (*files.python, *files.templates, *files.env)}
    out: dict[str, list[str]] = {}
    for rel in wanted:
        if rel in paths:
            try:
                out[rel] = paths[rel].read_text("utf-8", errors="replace").splitlines()
            except OSError:
                continue
    return out


def review(
    path: str | os.PathLike[str],
    limits: Limits | None = None,
    guide: Guide | None = None,
    jobs: int = 1,
) -> Report:
    """Review the Flask project at ``path`` (a folder, .zip, .tar or .tar.gz).

    ``jobs`` > 1 analyses large trees in that many spawned processes; the
    default reviews in this process.

    Candidate code is parsed, never imported or run. Raises ``ArchiveRefused``
    when the input is unsafe, unreadable or over a limit.
    """
    limits = limits or Limits()
    deadline = Deadline(limits.seconds)
    started = time.perf_counter()
    with project_folder(path, limits, deadline) as (root, label):
        files = collect(root, limits, deadline)
        facts = analyse_all(files.python, deadline, jobs)
        extra = [*template_findings(files.templates), *env_findings(files.env)]
        model = build_model(facts, [s.rel for s in files.env])
        model.dependencies = dependencies(files.dependencies)
        findings = [f for ff in facts for f in ff.findings] + extra
        findings += project_rules.check(model, facts)
        findings.sort(key=lambda f: (SEVERITIES.index(f.severity), f.file, f.line, f.rule))
        sources = _sources(facts, findings, files)
    result = score(model, findings)
    stats = Stats(
        python_files=len(facts),
        test_files=sum(1 for f in facts if f.is_test),
        lines=sum(f.lines for f in facts),
        parse_errors=sum(1 for f in facts if f.parse_error),
        seconds=round(time.perf_counter() - started, 3),
    )
    return Report(
        root=label,
        model=model,
        findings=findings,
        stats=stats,
        score=result.total,
        breakdown=result.breakdown,
        level=result.level,
        level_reasons=list(result.reasons),
        questions=questions(model, findings, guide if guide is not None else _default_guide()),
        sources=sources,
        fingerprint={
            "version": 1,
            "k": K,
            "w": W,
            "files": {f.rel: f.fingerprint for f in facts if f.fingerprint},
        },
        skipped_files=files.too_large,
    )
