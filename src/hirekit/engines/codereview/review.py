"""``review()``: from a folder or archive to a ``Report``."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from hirekit.engines.codereview.analyse import analyse_all, analyse_file
from hirekit.engines.codereview.facts import SEVERITIES, FileFacts, Finding
from hirekit.engines.codereview.flaskmodel import build_model
from hirekit.engines.codereview.limits import ArchiveRefused, Deadline, Limits
from hirekit.engines.codereview.model import FlaskModel
from hirekit.engines.codereview.questions import questions
from hirekit.engines.codereview.report import Report, Stats
from hirekit.engines.codereview.rules import project as project_rules
from hirekit.engines.codereview.scoring import score
from hirekit.engines.codereview.sidefiles import (
    dependencies,
    env_findings,
    template_findings,
    yaml_findings,
)
from hirekit.engines.codereview.sources import ProjectFiles, collect
from hirekit.engines.codereview.unpack import unpacked
from hirekit.engines.codereview.usecase import USE_CASES
from hirekit.engines.codereview.usecase import focus as usecase_focus
from hirekit.engines.codereview.winnow import K, W
from hirekit.engines.guide.model import Guide

#: Evidence snippets are kept only for files with findings, this many lines around each.
SNIPPET_CONTEXT = 3
NO_TIMEOUT = (
    "Without a timeout a call to a slow or dead service waits forever and holds a worker; "
    "in a microservice that spreads one outage to every caller."
)


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
    paths = {s.rel: s.path for s in (*files.python, *files.templates, *files.env, *files.configs)}
    out: dict[str, list[str]] = {}
    for rel in wanted:
        if rel in paths:
            try:
                out[rel] = paths[rel].read_text("utf-8", errors="replace").splitlines()
            except OSError:
                continue
    return out


def _pyfile_configs(facts: Sequence[FileFacts], files: ProjectFiles) -> list[FileFacts]:
    """The ``*.cfg`` files the app loads with ``config.from_pyfile``: Python, read as such."""
    loaded = {
        PurePosixPath(use.rule).name
        for f in facts
        for use in f.uses
        if use.attr == "from_pyfile" and use.rule
    }
    return [
        analyse_file(str(c.path), c.rel, c.is_test) for c in files.configs if c.path.name in loaded
    ]


def _untimed(model: FlaskModel) -> list[Finding]:
    return [
        Finding("no-timeout", "medium", s.file, s.line, "HTTP call without a timeout", NO_TIMEOUT)
        for s in model.untimed_calls
    ]


def review(
    path: str | os.PathLike[str],
    limits: Limits | None = None,
    guide: Guide | None = None,
    use_case: str | None = None,
    jobs: int = 1,
) -> Report:
    """Review the Flask project at ``path`` (a folder, .zip, .tar or .tar.gz).

    ``use_case`` (rest-api, microservices, full-stack) sets what the review weighs
    and asks (see usecase); None reads the project for no particular use case.
    ``jobs`` > 1 analyses large trees in that many spawned processes; the
    default reviews in this process.
    Candidate code is parsed, never imported or run. Raises ``ArchiveRefused``
    when the input is unsafe, unreadable or over a limit, ValueError on an
    unknown use case.
    """
    if use_case is not None and use_case not in USE_CASES:
        raise ValueError(f"unknown use case {use_case!r} (choose {', '.join(USE_CASES)})")
    limits = limits or Limits()
    deadline = Deadline(limits.seconds)
    started = time.perf_counter()
    with project_folder(path, limits, deadline) as (root, label):
        files = collect(root, limits, deadline)
        facts = analyse_all(files.python, deadline, jobs)
        facts += _pyfile_configs(facts, files)
        escaped = frozenset(name for f in facts for name in f.escaped_fields)
        extra = [
            *template_findings(files.templates, escaped),
            *env_findings(files.env),
            *yaml_findings(files.configs, facts),
        ]
        model = build_model(facts, [s.rel for s in files.env], dependencies(files.dependencies))
        findings = [f for ff in facts for f in ff.findings] + extra
        model.templates = len(files.templates)
        findings += project_rules.check(model, facts)
        if use_case == "microservices":
            findings += _untimed(model)  # a hung dependency hangs the service
        findings.sort(key=lambda f: (SEVERITIES.index(f.severity), f.file, f.line, f.rule))
        sources = _sources(facts, findings, files)
    focus = usecase_focus(use_case, model, findings)
    result = score(model, findings, use_case, focus)
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
        questions=questions(
            model,
            findings,
            guide if guide is not None else _default_guide(),
            use_case,
            focus,
        ),
        use_case=use_case,
        focus=focus,
        sources=sources,
        fingerprint={
            "version": 1,
            "k": K,
            "w": W,
            "files": {f.rel: f.fingerprint for f in facts if f.fingerprint},
        },
        skipped_files=files.too_large,
    )
