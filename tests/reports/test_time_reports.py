"""Time to hire, time to fill and time in stage over hand-built histories."""

from __future__ import annotations

import pytest

from hirekit.reports.filters import ReportFilter
from hirekit.reports.time_in_stage import time_in_stage
from hirekit.reports.time_to_hire import time_to_hire
from tests.reports.factories import History, day

ALL = ReportFilter()
STEPS = ("Screen", "Take-home", "Interview", "Offer", "Hired")


@pytest.fixture
def admin(make_user):
    return make_user("admin")


def _hire(history, applied, hired):
    app = history.apply(applied)
    gaps = [(hired - applied) * (i + 1) / len(STEPS) for i in range(len(STEPS))]
    history.walk(app, *[(stage, applied + gap) for stage, gap in zip(STEPS, gaps, strict=True)])
    return app


def test_time_to_hire_median_p75_and_fill(app, db, admin):
    history = History.open_job(admin, opened=0)
    for applied, hired in [(1, 21), (2, 30), (3, 38), (10, 50)]:  # 20, 28, 35, 40 days
        _hire(history, applied, hired)
    history.reject(history.apply(5), 9)
    db.session.commit()

    report = time_to_hire(admin, ALL)

    assert report.hires == 4
    assert report.to_hire.count == 4
    assert report.to_hire.median == pytest.approx(31.5)  # (28 + 35) / 2
    assert report.to_hire.p75 == pytest.approx(36.25)  # 35 + 0.25 * (40 - 35)
    assert report.to_fill.median == pytest.approx(34.0)  # fills at 21, 30, 38, 50
    assert report.to_fill.p75 == pytest.approx(41.0)
    assert report.weeks == {2: 1, 4: 1, 5: 2}
    assert [(t.month, t.hires) for t in report.trend] == [("2026-01", 1), ("2026-02", 3)]
    assert report.trend[0].median_to_hire == pytest.approx(20.0)
    assert report.trend[1].median_to_hire == pytest.approx(35.0)
    assert report.trend[1].median_to_fill == pytest.approx(38.0)
    assert report.market_weeks == (4, 5)


def test_hire_date_range_and_job_filter(app, db, admin):
    first = History.open_job(admin, title="API developer")
    second = History.open_job(admin, title="Full-stack developer", use_case="full-stack")
    _hire(first, 0, 14)
    _hire(second, 0, 40)
    db.session.commit()

    in_january = time_to_hire(admin, ReportFilter(start=day(0).date(), end=day(25).date()))
    assert in_january.hires == 1
    assert in_january.to_hire.median == pytest.approx(14.0)
    by_use_case = time_to_hire(admin, ReportFilter(use_case="full-stack"))
    assert by_use_case.to_hire.median == pytest.approx(40.0)
    assert time_to_hire(admin, ReportFilter(job_id=first.job.id)).hires == 1


def test_time_in_stage_counts_completed_stays_and_current_waits(app, db, admin):
    history = History.open_job(admin)
    a, b, c, d = (history.apply(0) for _ in range(4))
    history.move(a, "Screen", 2)
    history.move(b, "Screen", 4)
    history.move(c, "Screen", 6)
    history.reject(d, 3)
    history.move(a, "Take-home", 5)  # 3 days in Screen
    history.reject(b, 14)  # 10 days in Screen
    db.session.commit()

    report = time_in_stage(admin, ALL, now=day(20))
    by_stage = {s.stage: s for s in report.stages}

    applied = by_stage["Applied"]
    assert (applied.completed, applied.median_days) == (4, pytest.approx(3.5))  # 2, 4, 6, 3
    assert applied.p75_days == pytest.approx(4.5)
    screen = by_stage["Screen"]
    assert screen.completed == 2
    assert screen.median_days == pytest.approx(6.5)
    assert (screen.waiting, screen.waiting_median_days) == (1, pytest.approx(14.0))
    take_home = by_stage["Take-home"]
    assert (take_home.completed, take_home.waiting) == (0, 1)
    assert take_home.waiting_median_days == pytest.approx(15.0)
    assert [s.stage for s in report.stages] == ["Applied", "Screen", "Take-home"]
