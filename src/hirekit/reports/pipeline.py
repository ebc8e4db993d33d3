"""Shared SQL pieces over the pipeline's events: where each application has been.

An application enters a stage with its ``applied`` event (the first stage) or
a ``moved`` event (``data.to_stage_id``); both name it in ``Event.stage_id``.
Stages are grouped across jobs by name and ordered by their position, so an
org-wide report lines up jobs that share the default pipeline. What a stage
means (interview, offer, hired, ...) is its kind, never its name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.sql import Subquery

from hirekit.candidates.choices import EventType
from hirekit.candidates.models import Event
from hirekit.jobs.choices import StageKind
from hirekit.jobs.models import Stage

# Without table statistics SQLite's planner may walk every event through the
# application index (to serve GROUP BY or an IN list) instead of picking the
# few hire or close events by type; these hints name the index to use there.
BY_TYPE = "INDEXED BY ix_events_type"
BY_TYPE_STAGE = "INDEXED BY ix_events_type_stage"
BY_TIMELINE = "INDEXED BY ix_events_application_timeline"
ENTRIES = (EventType.APPLIED.value, EventType.MOVED.value)
#: Kinds that end an application: nothing passes through them.
ENDING_KINDS = (StageKind.HIRED.value, StageKind.REJECTED.value)


def ending(got: Subquery) -> ColumnElement[Any]:
    """1 when any stage of a group (by name) is of an ending kind, over :func:`reached`."""
    return func.max(case((got.c.kind.in_(ENDING_KINDS), 1), else_=0))


def reached(applications: Select[int]) -> Subquery:
    """Each (application, stage) reached at least once: the stage's name, kind and
    position, and ``furthest``, the highest position that application ever reached."""
    # Read from the timeline index alone: no JSON, no table rows.
    entered = (
        select(Event.application_id.label("application_id"), Event.stage_id.label("stage_id"))
        .where(Event.type.in_(ENTRIES), Event.application_id.in_(applications))
        .group_by(Event.application_id, Event.stage_id)
        .with_hint(Event, BY_TIMELINE, "sqlite")
        .subquery("entered")
    )
    visits = (
        select(
            entered.c.application_id,
            Stage.id.label("stage_id"),
            Stage.name.label("stage"),
            Stage.position.label("position"),
            Stage.kind.label("kind"),
        )
        .join(Stage, Stage.id == entered.c.stage_id)
        .subquery("visits")
    )
    furthest = func.max(visits.c.position).over(partition_by=visits.c.application_id)
    return select(visits, furthest.label("furthest")).subquery("reached")


def per_application(applications: Select[int], *kinds: StageKind) -> Subquery:
    """Per application: ``furthest`` position reached, and for each of ``kinds`` a 0/1
    column named after it telling whether it reached a stage of that kind."""
    got = reached(applications)
    flags = [
        func.max(case((got.c.kind == kind.value, 1), else_=0)).label(kind.value) for kind in kinds
    ]
    return (
        select(got.c.application_id, func.max(got.c.position).label("furthest"), *flags)
        .group_by(got.c.application_id)
        .subquery("per_application")
    )


def ordered_stage_names(rows: list[Any]) -> list[str]:
    """Stage names ordered by their lowest position (rows carry ``stage``, ``position``)."""
    first: dict[str, int] = {}
    for row in rows:
        first[row.stage] = min(first.get(row.stage, row.position), row.position)
    return sorted(first, key=lambda name: (first[name], name))
