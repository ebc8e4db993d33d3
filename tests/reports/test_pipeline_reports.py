"""Funnel, sources, offers and fairness over hand-built histories: exact rates and masking."""

from __future__ import annotations

import pytest

from hirekit.candidates.choices import EventType
from hirekit.candidates.services.timeline import record_event
from hirekit.reports.fairness import fairness
from hirekit.reports.filters import ReportFilter
from hirekit.reports.funnel import funnel
from hirekit.reports.offers import offers
from hirekit.reports.services import selfid
from hirekit.reports.sources import sources
from tests.reports.factories import History

ALL = ReportFilter()


@pytest.fixture
def admin(make_user):
    return make_user("admin")


def test_funnel_leaves_open_applications_out_of_pass_through(app, db, admin):
    history = History.open_job(admin)
    passed = [history.apply(0) for _ in range(3)]
    for a in passed:
        history.move(a, "Screen", 1)
    history.reject(history.apply(0), 2)  # finished Applied, did not pass
    history.apply(1)  # still in Applied: not counted in the rate
    history.move(passed[0], "Take-home", 3)
    history.reject(passed[1], 4)
    history.move(passed[2], "Interview", 5)  # skipped Take-home: passed Screen all the same
    db.session.commit()

    stages = {s.stage: s for s in funnel(admin, ALL).stages}

    applied = stages["Applied"]
    assert (applied.reached, applied.still_in_stage, applied.passed) == (5, 1, 3)
    assert applied.pass_through == pytest.approx(75.0)
    screen = stages["Screen"]
    assert (screen.reached, screen.still_in_stage, screen.passed) == (3, 0, 2)
    assert screen.pass_through == pytest.approx(200 / 3)
    take_home = stages["Take-home"]
    assert (take_home.reached, take_home.still_in_stage, take_home.pass_through) == (1, 1, None)
    assert list(stages) == ["Applied", "Screen", "Take-home", "Interview"]


def test_moving_back_still_counts_as_having_reached_the_later_stage(app, db, admin):
    history = History.open_job(admin)
    a = history.apply(0)
    history.walk(a, ("Screen", 1), ("Take-home", 2), ("Screen", 3))
    db.session.commit()
    stages = {s.stage: s for s in funnel(admin, ALL).stages}
    assert stages["Screen"].passed == 1
    assert stages["Take-home"].reached == 1
    assert stages["Take-home"].still_in_stage == 0


def test_sources_count_screened_interviewed_hired(app, db, admin):
    history = History.open_job(admin)
    hired = history.apply(0, source="referral")
    history.walk(hired, ("Screen", 1), ("Interview", 2), ("Offer", 3), ("Hired", 4))
    screened = history.apply(0, source="referral")
    history.move(screened, "Take-home", 2)  # past the first stage, no interview kind
    history.reject(history.apply(0, source="careers-page"), 1)
    history.apply(0)
    db.session.commit()

    rows = {r.source: r for r in sources(admin, ALL).rows}

    assert rows["referral"].applications == 2
    assert (rows["referral"].screened_in, rows["referral"].interviewed) == (2, 1)
    assert rows["referral"].hired == 1
    assert rows["referral"].hire_rate == pytest.approx(50.0)
    assert (rows["careers-page"].applications, rows["careers-page"].screened_in) == (1, 0)
    assert rows["unknown"].applications == 1


def test_offer_acceptance_and_salary_against_band(app, db, admin):
    history = History.open_job(admin, salary_min=60000, salary_max=80000)
    accepted = history.apply(0)
    history.walk(accepted, ("Offer", 5), ("Hired", 9))
    declined = history.apply(0)
    history.move(declined, "Offer", 6)
    history.withdraw(declined, 8)
    pending = history.apply(1)
    history.move(pending, "Offer", 7)
    history.reject(history.apply(0), 2)  # never offered
    record_event(
        EventType.MOVED,
        pending.candidate,
        actor=admin,
        application=pending,
        data={"to_stage_id": history.stage("Offer").id, "salary": 85000},
    )
    db.session.commit()

    report = offers(admin, ALL)

    assert (report.offered, report.accepted, report.declined, report.pending) == (3, 1, 1, 1)
    assert report.acceptance_rate == pytest.approx(50.0)
    assert [(s.salary, s.against_band) for s in report.salaries] == [(85000, "above band")]
    assert report.market == ("USD", 145000, 190000)


def _answer(application, gender):
    selfid.save_answers(application, {"gender": gender})


def test_fairness_impact_ratios_and_masking(app, db, admin):
    selfid.add_question("gender", "Gender", ["Woman", "Man", "Non-binary"], actor=admin)
    history = History.open_job(admin)
    for gender, total, advancing in (("Woman", 10, 5), ("Man", 6, 5), ("Non-binary", 3, 3)):
        for i in range(total):
            a = history.apply(0)
            _answer(a, gender)
            if i < advancing:
                history.move(a, "Screen", 2)
            else:
                history.reject(a, 2)
    history.apply(0)  # no answer: in no group
    db.session.commit()

    report = fairness(admin, ALL, "gender")
    assert report is not None
    applied = {r.group: r for r in report.rates if r.stage == "Applied"}

    assert (applied["Woman"].decided, applied["Woman"].passed) == (10, 5)
    assert applied["Man"].selection_rate == pytest.approx(500 / 6)
    assert applied["Man"].impact_ratio == pytest.approx(1.0)
    assert applied["Woman"].impact_ratio == pytest.approx(0.6)
    assert applied["Woman"].adverse and not applied["Man"].adverse
    masked = applied["Non-binary"]
    assert masked.masked and masked.selection_rate is None and masked.impact_ratio is None
    rows = report.table().rows
    assert ["Applied", "Non-binary", "fewer than 5", None, None, None, "masked"] in [
        list(r) for r in rows
    ]
    assert "Non-binary" not in report.table().csv().split("masked")[0].split("Woman")[0]


def test_fairness_unknown_question_is_none(app, db, admin):
    assert fairness(admin, ALL, "nothing") is None


def test_confidential_jobs_stay_out_of_reports_for_outsiders(app, db, admin, make_user):
    history = History.open_job(admin, confidential=True)
    history.apply(0)
    db.session.commit()
    outsider = make_user("recruiter")
    assert funnel(outsider, ALL).stages == []
    assert funnel(admin, ALL).stages[0].reached == 1
