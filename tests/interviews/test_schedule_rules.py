"""Scheduling refuses past times and closed applications, and reads times in the user's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from hirekit.accounts import services as accounts
from hirekit.accounts.timezones import to_local, to_utc
from hirekit.candidates.models import Application
from hirekit.candidates.services.applications import reject, withdraw
from hirekit.db import utcnow
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.interviews.ics import build_ics
from hirekit.interviews.services import kits, scheduling
from tests.conftest import csrf_token, login
from tests.interviews.conftest import schedule_panel


def _application(panel):
    return db.session.scalars(
        db.select(Application).filter_by(candidate_id=panel.candidate.id, job_id=panel.job.id)
    ).one()


def test_a_time_in_the_past_is_refused(panel):
    with pytest.raises(ValidationFailed) as refused:
        schedule_panel(panel.manager, panel.job, panel.candidate, [panel.a], starts_at=utcnow())
    assert "future" in refused.value.details["starts_at"]
    db.session.rollback()
    yesterday = utcnow() - timedelta(days=1)
    with pytest.raises(ValidationFailed):
        schedule_panel(panel.manager, panel.job, panel.candidate, [panel.a], starts_at=yesterday)


@pytest.mark.parametrize("close", ["rejected", "withdrawn"])
def test_a_closed_application_is_neither_offered_nor_accepted(panel, close):
    application = _application(panel)
    if close == "rejected":
        reject(application, "skills-mismatch", actor=panel.recruiter)
    else:
        withdraw(application, actor=panel.recruiter)
    db.session.commit()
    assert scheduling.job_candidates(panel.job.id, panel.manager) == []
    with pytest.raises(ValidationFailed) as refused:
        schedule_panel(panel.manager, panel.job, panel.candidate, [panel.a])
    assert refused.value.details == {"candidate_id": "no active application to this job"}


def test_active_candidates_are_offered(panel):
    assert [c.id for c in scheduling.job_candidates(panel.job.id, panel.manager)] == [
        panel.candidate.id
    ]


def test_wall_clock_round_trip_through_daylight_saving():
    winter, summer = datetime(2036, 1, 15, 10, 0), datetime(2036, 7, 15, 10, 0)
    assert to_utc(winter, "Europe/Lisbon") == datetime(2036, 1, 15, 10, 0, tzinfo=UTC)
    assert to_utc(summer, "Europe/Lisbon") == datetime(2036, 7, 15, 9, 0, tzinfo=UTC)
    assert to_utc(summer, "America/New_York") == datetime(2036, 7, 15, 14, 0, tzinfo=UTC)
    assert to_utc(winter, "America/New_York") == datetime(2036, 1, 15, 15, 0, tzinfo=UTC)
    for wall in (winter, summer):
        for name in ("Europe/Lisbon", "America/New_York", "Asia/Kolkata", "UTC"):
            assert to_local(to_utc(wall, name), name).replace(tzinfo=None) == wall
    # 02:30 on 8 March 2026 never happened in New York (clocks jumped 02:00 -> 03:00).
    with pytest.raises(ValidationFailed):
        to_utc(datetime(2026, 3, 8, 2, 30), "America/New_York")
    # 01:30 on 1 November 2026 happened twice there; the first (daylight time) is taken.
    assert to_utc(datetime(2026, 11, 1, 1, 30), "America/New_York") == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )


def test_an_unknown_zone_is_refused_and_an_unset_one_is_utc(make_user):
    user = make_user("recruiter")
    with pytest.raises(ValidationFailed):
        accounts.set_time_zone(user, "Mars/Olympus")
    with pytest.raises(ValidationFailed):
        accounts.set_time_zone(user, "../../etc/passwd")
    assert to_utc(datetime(2036, 7, 1, 9, 0), "") == datetime(2036, 7, 1, 9, 0, tzinfo=UTC)
    accounts.set_time_zone(user, "Europe/Lisbon")
    assert user.time_zone == "Europe/Lisbon"


def test_schedule_reads_local_time_and_the_invitation_keeps_the_utc_instant(panel):
    kit = kits.get_kit(panel.job.id, panel.manager)
    fields = scheduling.ScheduleFields(
        candidate_id=panel.candidate.id,
        starts_at=datetime(2036, 7, 1, 10, 0),  # wall-clock time in New York (EDT, UTC-4)
        time_zone="America/New_York",
        interviewer_ids=[panel.a.id],
        part_id=kit.parts[0].id,
    )
    interview = scheduling.schedule(panel.job.id, fields, actor=panel.manager)
    db.session.commit()
    assert interview.starts_at == datetime(2036, 7, 1, 14, 0, tzinfo=UTC)
    ics = build_ics(scheduling.calendar_event(interview, interview.interviewers, "x@example.com"))
    event = next(c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT")
    assert event.decoded("DTSTART") == datetime(2036, 7, 1, 14, 0, tzinfo=UTC)
    assert "DTSTART:20360701T140000Z" in ics


def test_the_api_answers_a_past_time_in_json(client, panel):
    issued = accounts.create_token(panel.manager, "t")
    db.session.commit()
    kit = kits.get_kit(panel.job.id, panel.manager)
    response = client.post(
        f"/api/v1/jobs/{panel.job.id}/interviews",
        json={
            "candidate_id": panel.candidate.id,
            "starts_at": "2020-01-06T10:00:00Z",
            "interviewer_ids": [panel.a.id],
            "part_id": kit.parts[0].id,
        },
        headers={"Authorization": f"Bearer {issued.secret}"},
    )
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"]["code"] == "validation_failed"
    assert "future" in body["error"]["details"]["starts_at"]


def test_the_form_reads_the_users_zone_and_says_why_a_past_time_fails(client, panel):
    panel.manager.time_zone = "Asia/Kolkata"
    db.session.commit()
    login(client, panel.manager.email)
    url = f"/jobs/{panel.job.id}/interviews/new"
    page = client.get(f"{url}?candidate_id={panel.candidate.id}").get_data(as_text=True)
    assert "Date and time (Asia/Kolkata)" in page
    assert f'<option selected value="{panel.candidate.id}">' in page
    kit = kits.get_kit(panel.job.id, panel.manager)
    data = {
        "csrf_token": csrf_token(client, url),
        "candidate_id": panel.candidate.id,
        "part_id": kit.parts[0].id,
        "interviewer_ids": [panel.a.id],
        "duration_minutes": 60,
    }
    past = client.post(url, data={**data, "starts_at": "2020-01-06T10:00"})
    assert past.status_code == 422
    assert "a time in the future" in past.get_data(as_text=True)
    done = client.post(url, data={**data, "starts_at": "2036-07-01T10:00"})
    assert done.status_code == 302
    interview = scheduling.job_interviews(panel.job.id, panel.manager)[-1]
    # 10:00 in India (UTC+5:30) is 04:30 UTC; pages show it back in the user's zone.
    assert interview.starts_at == datetime(2036, 7, 1, 4, 30, tzinfo=UTC)
    shown = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "Tue 01 Jul 2036 10:00 Asia/Kolkata" in shown
