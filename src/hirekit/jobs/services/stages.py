"""Editing a job's pipeline stages while keeping the applications that sit in them.

A stage is edited by id: renaming one keeps its id, so the applications in it
and the moves naming it stay put. Each stage has a kind (:class:`StageKind`),
set here by the user and read by every report, debrief and webhook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.choices import StageKind
from hirekit.jobs.models import Job, Stage

MAX_STAGES = 20
MAX_NAME = 60
#: Kinds a pipeline may start with: applications enter the first stage.
FIRST_KINDS = frozenset({StageKind.ACTIVE.value, StageKind.INTERVIEW.value})

#: How many records (applications, ...) still sit in a stage, one function per
#: domain built on jobs; they add theirs in ``init_app`` (jobs knows none of them).
StageUsage = Callable[[Stage], int]
_stage_usages: list[StageUsage] = []

#: Moves every record in the first stage to the second one, as ``actor``; returns
#: how many it moved. Registered by the domains built on jobs, like usages.
StageRelocation = Callable[[Stage, Stage, User], int]
_relocations: list[StageRelocation] = []


def count_stage_usage(usage: StageUsage) -> None:
    """Have :func:`edit_stages` refuse to remove a stage while ``usage(stage)`` > 0."""
    if usage not in _stage_usages:
        _stage_usages.append(usage)


def relocate_stage_usage(relocation: StageRelocation) -> None:
    """Have :func:`edit_stages` call ``relocation`` to empty a stage being removed."""
    if relocation not in _relocations:
        _relocations.append(relocation)


def stage_usage(stage: Stage) -> int:
    return sum(usage(stage) for usage in _stage_usages)


def get_stage(job: Job, stage_id: int) -> Stage:
    for stage in job.stages:
        if stage.id == stage_id:
            return stage
    raise NotFound(f"Job {job.id} has no stage with id {stage_id}")


@dataclass(frozen=True)
class StageSpec:
    """One stage as the editor wants it; ``id`` None adds a new stage."""

    name: str
    kind: str = StageKind.ACTIVE.value
    id: int | None = None


def _check(job: Job, wanted: list[StageSpec]) -> dict[str, str]:
    problems: dict[str, str] = {}
    names = [s.name for s in wanted]
    if not 2 <= len(wanted) <= MAX_STAGES:
        problems["stages"] = f"between 2 and {MAX_STAGES} stages"
    if any(not n for n in names):
        problems["name"] = "every stage needs a name"
    elif any(len(n) > MAX_NAME for n in names):
        problems["name"] = f"stage names of at most {MAX_NAME} characters"
    elif len({n.casefold() for n in names}) != len(names):
        problems["name"] = "each stage name once"
    kinds = [s.kind for s in wanted]
    valid = {k.value for k in StageKind}
    if any(k not in valid for k in kinds):
        problems["kind"] = "one of " + ", ".join(sorted(valid))
    elif kinds.count(StageKind.HIRED.value) != 1:
        problems["kind"] = "exactly one stage of kind hired"
    elif kinds and kinds[0] not in FIRST_KINDS:
        problems["kind"] = "the first stage is where applications start: active or interview"
    ids = [s.id for s in wanted if s.id is not None]
    own = {s.id for s in job.stages}
    if len(set(ids)) != len(ids) or not set(ids) <= own:
        problems["id"] = "ids of this job's stages, each once"
    return problems


def edit_stages(
    job: Job,
    wanted: list[StageSpec],
    *,
    actor: User,
    relocate: dict[int, int] | None = None,
) -> list[Stage]:
    """Make ``wanted`` the pipeline, in order, with names and kinds as given.

    A stage left out is removed. One that still holds applications is removed
    only when ``relocate`` names a kept stage to move them to ({removed id:
    kept id}); they are moved there first, each move recorded and audited, in
    the caller's transaction (all or nothing).
    """
    wanted = [
        StageSpec(" ".join(s.name.split()), (s.kind or "").strip().lower(), s.id) for s in wanted
    ]
    problems = _check(job, wanted)
    if problems:
        raise ValidationFailed(
            "The pipeline needs " + "; ".join(problems.values()), details=problems
        )
    relocate = dict(relocate or {})
    by_id = {s.id: s for s in job.stages}
    kept_ids = {s.id for s in wanted if s.id is not None}
    removed = [s for s in job.stages if s.id not in kept_ids]
    for source_id, target_id in relocate.items():
        if source_id not in {s.id for s in removed} or target_id not in kept_ids:
            raise ValidationFailed(
                "Applications can be moved only from a removed stage to a kept one",
                details={"relocate": f"{source_id} to {target_id} is not possible"},
            )
    before = [{"id": s.id, "name": s.name, "kind": s.kind} for s in job.stages]
    # Names and kinds first, so moved applications land in a stage that already
    # means what the user asked for (a hired stage hires).
    stages = []
    for position, spec in enumerate(wanted):
        if spec.id is not None:
            stage = by_id[spec.id]
        else:
            stage = Stage()
            job.stages.append(stage)
        stage.name, stage.kind, stage.position = spec.name, spec.kind, position
        stages.append(stage)
    db.session.flush()
    moved: dict[str, int] = {}
    for stage in removed:
        goes_to = relocate.get(stage.id)
        if goes_to is not None:
            target = by_id[goes_to]
            moved[stage.name] = sum(move(stage, target, actor) for move in _relocations)
        used = stage_usage(stage)
        if used:
            raise ValidationFailed(
                f"Stage {stage.name!r} still holds {used} application(s); "
                "choose a stage to move them to",
                details={"relocate": f"{stage.name} is not empty"},
            )
    job.stages = stages
    db.session.flush()
    audit.record(
        "job.stages_changed",
        actor=actor,
        subject_type="job",
        subject_id=job.id,
        details={
            "from": before,
            "to": [{"id": s.id, "name": s.name, "kind": s.kind} for s in stages],
            "moved": moved,
        },
    )
    return stages
