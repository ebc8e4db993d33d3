"""Fairness: adverse-impact ratios per stage for a self-identification question.

For each stage and each answer group, the selection rate is the stage's
pass-through rate (as in the funnel: passed / finished the stage). A group's
impact ratio is its rate divided by the highest rate among the unmasked groups
at that stage; under 0.8 fails the four-fifths rule. Groups with fewer than
five applications finishing a stage are masked: their figures are withheld
and they are not used as the reference. Applications without an answer are
not part of any group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select

from hirekit.accounts.models import User
from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.reports.filters import ReportFilter, scoped_applications
from hirekit.reports.funnel import stage_counts
from hirekit.reports.models import SelfIdAnswer, SelfIdQuestion
from hirekit.reports.pipeline import ending, ordered_stage_names, reached
from hirekit.reports.tables import Column, Table

MIN_GROUP = 5
FOUR_FIFTHS = 0.8


@dataclass(frozen=True)
class GroupRate:
    stage: str
    group: str
    #: ``None`` when masked (fewer than MIN_GROUP finished the stage).
    decided: int | None
    passed: int | None
    selection_rate: float | None
    impact_ratio: float | None

    @property
    def masked(self) -> bool:
        return self.decided is None

    @property
    def adverse(self) -> bool:
        return self.impact_ratio is not None and self.impact_ratio < FOUR_FIFTHS


@dataclass(frozen=True)
class Fairness:
    question: str
    label: str
    rates: list[GroupRate]

    def table(self) -> Table:
        return Table(
            f"Selection rates and impact ratios by answer to “{self.label}”",
            [
                Column("stage", "Stage", numeric=False),
                Column("group", "Group", numeric=False),
                Column("decided", "Finished stage"),
                Column("passed", "Passed"),
                Column("selection_rate", "Selection rate %"),
                Column("impact_ratio", "Impact ratio"),
                Column("flag", "Four-fifths rule", numeric=False),
            ],
            [
                [
                    r.stage,
                    r.group,
                    r.decided if not r.masked else f"fewer than {MIN_GROUP}",
                    r.passed,
                    r.selection_rate,
                    None if r.impact_ratio is None else round(r.impact_ratio, 2),
                    "masked" if r.masked else ("below 0.8" if r.adverse else "ok"),
                ]
                for r in self.rates
            ],
        )


def fairness(user: User, flt: ReportFilter, question_key: str) -> Fairness | None:
    """Impact ratios for the question ``question_key``; ``None`` if there is no such question."""
    question = db.session.scalars(
        select(SelfIdQuestion).where(SelfIdQuestion.key == question_key)
    ).first()
    if question is None:
        return None
    got = reached(scoped_applications(user, flt))
    query = (
        select(
            got.c.stage,
            func.min(got.c.position).label("position"),
            ending(got).label("ending"),
            SelfIdAnswer.value.label("grp"),
            *stage_counts(got),
        )
        .join(Application, Application.id == got.c.application_id)
        .join(
            SelfIdAnswer,
            and_(
                SelfIdAnswer.application_id == got.c.application_id,
                SelfIdAnswer.question_id == question.id,
            ),
        )
        .group_by(got.c.stage, SelfIdAnswer.value)
    )
    rows = db.session.execute(query).all()
    rates: list[GroupRate] = []
    # A hired or rejected stage has nothing to pass through to.
    ended = {r.stage for r in rows if r.ending}
    for stage in ordered_stage_names(list(rows)):
        if stage in ended:
            continue
        rates += _stage_rates(stage, [r for r in rows if r.stage == stage], question.options)
    return Fairness(question.key, question.label, rates)


def _stage_rates(stage: str, rows: list[Any], options: list[str]) -> list[GroupRate]:
    counts = {row.grp: (row.reached - int(row.still or 0), int(row.passed or 0)) for row in rows}
    shown = {g: c for g, c in counts.items() if c[0] >= MIN_GROUP}
    best = max((passed / decided for decided, passed in shown.values()), default=0.0)
    result = []
    for group in options + sorted(set(counts) - set(options)):
        if group not in shown:
            result.append(GroupRate(stage, group, None, None, None, None))
            continue
        decided, passed = shown[group]
        selection = passed / decided
        ratio = selection / best if best > 0 else None
        result.append(GroupRate(stage, group, decided, passed, 100.0 * selection, ratio))
    return result
