"""The salary offered, recorded on a move into an offer stage, feeds the offers report."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.choices import EventType
from hirekit.candidates.models import Event
from hirekit.candidates.services import applications as pipeline
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.reports.filters import ReportFilter
from hirekit.reports.offers import offers
from tests.conftest import csrf_token
from tests.reports.factories import History


@pytest.fixture
def history(db, make_user):
    admin = make_user("admin")
    return History.open_job(admin, salary_min=50_000, salary_max=60_000, currency="EUR")


def _offer_move(application):
    return db.session.scalars(
        select(Event).where(
            Event.application_id == application.id, Event.type == EventType.MOVED.value
        )
    ).all()[-1]


def test_salary_recorded_audited_and_reported_against_the_band(history):
    first, second = history.apply(0), history.apply(1)
    for app, salary in ((first, 55_000), (second, 65_000)):
        pipeline.move(app, history.stage("Offer"), actor=history.actor, salary=salary)
    db.session.commit()

    assert _offer_move(first).data["salary"] == 55_000
    audit = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "application.moved")
    ).all()
    assert [e.details.get("salary") for e in audit] == [55_000, 65_000]
    report = offers(history.actor, ReportFilter())
    assert [(s.salary, s.band_min, s.band_max, s.against_band) for s in report.salaries] == [
        (55_000, 50_000, 60_000, "within band"),
        (65_000, 50_000, 60_000, "above band"),
    ]
    assert report.pending == 2


def test_salary_only_with_a_move_into_an_offer_stage(history):
    app = history.apply(0)
    with pytest.raises(ValidationFailed):
        pipeline.move(app, history.stage("Screen"), actor=history.actor, salary=50_000)
    with pytest.raises(ValidationFailed):
        pipeline.move(app, history.stage("Offer"), actor=history.actor, salary=0)
    pipeline.move(app, history.stage("Offer"), actor=history.actor)
    assert "salary" not in _offer_move(app).data


def test_board_move_form_records_the_salary(client, login_as, history):
    app = history.apply(0)
    db.session.commit()
    login_as("recruiter")
    board = f"/jobs/{history.job.id}/board"
    page = client.get(board).get_data(as_text=True)
    assert 'name="salary"' in page
    response = client.post(
        f"/applications/{app.id}/move",
        data={
            "csrf_token": csrf_token(client, board),
            "action": f"stage:{history.stage('Offer').id}",
            "salary": "58000",
        },
    )
    assert response.status_code == 302
    assert _offer_move(app).data["salary"] == 58_000
    db.session.refresh(app)
    assert app.stage.name == "Offer"


def test_api_move_takes_an_optional_salary(client, api_token, history):
    app = history.apply(0)
    db.session.commit()
    _, headers = api_token("recruiter")
    url = f"/api/v1/applications/{app.id}/moves"
    refused = client.post(
        url, json={"stage_id": history.stage("Screen").id, "salary": 1}, headers=headers
    )
    assert refused.status_code in (400, 422)
    moved = client.post(
        url, json={"stage_id": history.stage("Offer").id, "salary": 61_000}, headers=headers
    )
    assert moved.status_code == 201 and moved.get_json()["stage"] == "Offer"
    assert _offer_move(app).data["salary"] == 61_000
    listed = client.get(url, headers=headers).get_json()
    assert listed[-1]["data"]["salary"] == 61_000
