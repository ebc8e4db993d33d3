"""The stage editor page's rows: read from the stages or from a submitted form.

The page posts one row per stage (``row-<i>-id``, ``-name``, ``-kind``,
``-order``, ``-remove``, ``-move_to``) plus blank rows to add stages, so it
works without JavaScript: the order is a number the user may type, and the
small script only renumbers it when rows are dragged or moved with buttons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hirekit.errors import ValidationFailed
from hirekit.jobs.choices import StageKind
from hirekit.jobs.models import Job
from hirekit.jobs.services.stages import StageSpec, stage_usage

#: Blank rows offered for new stages each time the page is shown.
BLANK_ROWS = 2
MAX_ROWS = 40


@dataclass
class StageRow:
    id: int | None
    name: str
    kind: str
    order: str
    remove: bool = False
    move_to: str = ""
    holds: int = 0


def rows_of(job: Job) -> list[StageRow]:
    rows = [
        StageRow(s.id, s.name, s.kind, str(i + 1), holds=stage_usage(s))
        for i, s in enumerate(job.stages)
    ]
    start = len(rows)
    return rows + [
        StageRow(None, "", StageKind.ACTIVE.value, str(start + i + 1)) for i in range(BLANK_ROWS)
    ]


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def submitted_rows(job: Job, form: Mapping[str, str]) -> list[StageRow]:
    """The rows as posted, with what each existing stage holds (to show it again)."""
    count = min(_int(form.get("rows", "")) or 0, MAX_ROWS)
    holds = {s.id: stage_usage(s) for s in job.stages}
    rows = []
    for i in range(count):
        key = f"row-{i}-"
        stage_id = _int(form.get(key + "id", ""))
        rows.append(
            StageRow(
                stage_id,
                form.get(key + "name", ""),
                form.get(key + "kind", ""),
                form.get(key + "order", ""),
                remove=form.get(key + "remove") == "1",
                move_to=form.get(key + "move_to", ""),
                holds=holds.get(stage_id, 0) if stage_id is not None else 0,
            )
        )
    return rows


def read_rows(rows: list[StageRow]) -> tuple[list[StageSpec], dict[int, int]]:
    """The stages wanted, in the order typed, and {removed stage id: stage to move to}."""
    problems: dict[str, str] = {}
    kept: list[tuple[int, int, StageSpec]] = []
    relocate: dict[int, int] = {}
    for index, row in enumerate(rows):
        if row.id is None and not row.name.strip():
            continue  # an unused blank row
        if row.remove:
            if row.id is not None and row.move_to:
                target = _int(row.move_to)
                if target is None:
                    problems["move_to"] = "choose a stage to move the candidates to"
                else:
                    relocate[row.id] = target
            continue
        order = _int(row.order)
        if order is None:
            problems["order"] = f"a whole number for the order of {row.name or 'each stage'}"
            continue
        kept.append((order, index, StageSpec(row.name, row.kind, row.id)))
    if problems:
        raise ValidationFailed("Some stages are not right; see below.", details=problems)
    return [spec for _, _, spec in sorted(kept, key=lambda k: (k[0], k[1]))], relocate
