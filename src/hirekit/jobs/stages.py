"""Editing a job's pipeline stages while keeping the applications that sit in them."""

from __future__ import annotations

from collections.abc import Callable

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job, Stage

MAX_STAGES = 20

#: How many records (applications, ...) still sit in a stage, one function per
#: domain built on jobs; they add theirs in ``init_app`` (jobs knows none of them).
StageUsage = Callable[[Stage], int]
_stage_usages: list[StageUsage] = []


def count_stage_usage(usage: StageUsage) -> None:
    """Have :func:`set_stages` refuse to remove a stage while ``usage(stage)`` > 0."""
    if usage not in _stage_usages:
        _stage_usages.append(usage)


def get_stage(job: Job, stage_id: int) -> Stage:
    for stage in job.stages:
        if stage.id == stage_id:
            return stage
    raise NotFound(f"Job {job.id} has no stage with id {stage_id}")


def _clean(names: list[str]) -> list[str]:
    cleaned = [" ".join(n.split()) for n in names]
    cleaned = [n for n in cleaned if n]
    problems = []
    if not 2 <= len(cleaned) <= MAX_STAGES:
        problems.append(f"between 2 and {MAX_STAGES} stages")
    if any(len(n) > 60 for n in cleaned):
        problems.append("stage names of at most 60 characters")
    if len({n.casefold() for n in cleaned}) != len(cleaned):
        problems.append("each stage name once")
    if problems:
        raise ValidationFailed(
            "The pipeline needs " + " and ".join(problems), details={"stages": problems}
        )
    return cleaned


def set_stages(job: Job, names: list[str], *, actor: User) -> list[Stage]:
    """Make ``names`` the pipeline, in order; the last one means hired.

    A stage keeps its id when its name stays (matched case-insensitively), so the
    applications in it and the moves naming it stay put. Removing a stage that
    still holds applications is refused: move them out first.
    """
    wanted = _clean(names)
    by_name = {s.name.casefold(): s for s in job.stages}
    kept = {n.casefold() for n in wanted}
    for stage in job.stages:
        if stage.name.casefold() in kept:
            continue
        used = sum(usage(stage) for usage in _stage_usages)
        if used:
            raise ValidationFailed(
                f"Stage {stage.name!r} still holds {used} application(s); move them first",
                details={"stages": f"{stage.name} is not empty"},
            )
    before = [s.name for s in job.stages]
    stages = []
    for position, name in enumerate(wanted):
        stage = by_name.get(name.casefold()) or Stage(job=job)
        stage.name, stage.position = name, position
        stages.append(stage)
    job.stages = stages
    db.session.flush()
    audit.record(
        "job.stages_changed",
        actor=actor,
        subject_type="job",
        subject_id=job.id,
        details={"from": before, "to": wanted},
    )
    return stages
