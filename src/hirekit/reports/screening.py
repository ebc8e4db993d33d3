"""Screening insight: fit and flags among all applicants against those hired.

Reads the current screening of each application's candidate for that job
(``hirekit.resumes``: a screening of a resume uploaded for the job). Fit is
the reviewer's override when there is one. "Advanced" means the application
went past the pipeline's first stage. Fit counts are aggregated in SQL; the
flags are JSON lists, so they are tallied over one fetched row per
application (flag name, not evidence, is all that is read).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.reports.filters import ReportFilter, scoped_applications
from hirekit.reports.pipeline import per_application
from hirekit.reports.tables import Column, Table, rate
from hirekit.resumes.models import Resume, Screening


@dataclass(frozen=True)
class FitRow:
    fit: str
    applicants: int
    hired: int


@dataclass(frozen=True)
class FlagRow:
    flag: str
    kind: str
    applicants: int
    advanced: int
    hired: int
    #: Percent advancing among applicants without this flag (same kind), for comparison.
    advanced_without: float | None

    @property
    def advanced_with(self) -> float | None:
        return rate(self.advanced, self.applicants)


@dataclass(frozen=True)
class ScreeningInsight:
    fits: list[FitRow]
    flags: list[FlagRow]

    def table(self) -> Table:
        return Table(
            "Flags among applicants and hires, and how often each one advanced",
            [
                Column("flag", "Flag", numeric=False),
                Column("kind", "Kind", numeric=False),
                Column("applicants", "Applicants"),
                Column("hired", "Hired"),
                Column("advanced_with", "Advanced with flag %"),
                Column("advanced_without", "Advanced without %"),
            ],
            [
                [f.flag, f.kind, f.applicants, f.hired, f.advanced_with, f.advanced_without]
                for f in self.flags
            ],
        )


def screened_applications(applications: Select[int]) -> Select[Any, Any]:
    """(application_id, fit, flags, advanced, hired) per application with a current screening."""
    screened = _with_current_screening(select(Application.id)).where(
        Application.id.in_(applications)
    )
    # Progress only of the screened applications: the pipeline's events of the
    # others are never read.
    progress = per_application(screened)
    return _with_current_screening(
        select(
            Application.id,
            Screening.effective_fit.label("fit"),
            Screening.flags,
            case((progress.c.furthest > 0, 1), else_=0).label("advanced"),
            case((Application.status == ApplicationStatus.HIRED.value, 1), else_=0).label("hired"),
        ).join(progress, progress.c.application_id == Application.id)
    )


def _with_current_screening(query: Select[Any]) -> Select[Any]:
    """``query`` joined to the current screening of the resume sent for the application's job."""
    return query.join(Resume, Resume.job_id == Application.job_id).join(
        Screening,
        (Screening.resume_id == Resume.id)
        & (Screening.candidate_id == Application.candidate_id)
        & Screening.current.is_(True),
    )


def screening_insight(user: User, flt: ReportFilter) -> ScreeningInsight:
    rows = screened_applications(scoped_applications(user, flt)).subquery()
    fit_query = (
        select(rows.c.fit, func.count(), func.sum(rows.c.hired))
        .group_by(rows.c.fit)
        .order_by(rows.c.fit)
    )
    fits = [
        FitRow(fit or "unscored", n, int(h or 0)) for fit, n, h in db.session.execute(fit_query)
    ]
    fetched = db.session.execute(select(rows.c.flags, rows.c.advanced, rows.c.hired)).all()
    return ScreeningInsight(fits, _flag_rows(list(fetched)))


def _flag_rows(fetched: list[Any]) -> list[FlagRow]:
    seen: Counter[tuple[str, str]] = Counter()
    advanced: Counter[tuple[str, str]] = Counter()
    hired: Counter[tuple[str, str]] = Counter()
    total, total_advanced = len(fetched), sum(int(r.advanced) for r in fetched)
    for row in fetched:
        for kind in ("green", "yellow"):
            names = {str(f.get("flag", "")) for f in (row.flags or {}).get(kind, []) if f}
            for name in names - {""}:
                seen[(name, kind)] += 1
                advanced[(name, kind)] += int(row.advanced)
                hired[(name, kind)] += int(row.hired)
    result = [
        FlagRow(
            flag=name,
            kind=kind,
            applicants=count,
            advanced=advanced[(name, kind)],
            hired=hired[(name, kind)],
            advanced_without=rate(total_advanced - advanced[(name, kind)], total - count),
        )
        for (name, kind), count in seen.items()
    ]
    # Green flags that most raised the chance of advancing come first.
    return sorted(
        result,
        key=lambda f: (
            f.kind != "green",
            -((f.advanced_with or 0) - (f.advanced_without or 0)),
            f.flag,
        ),
    )
