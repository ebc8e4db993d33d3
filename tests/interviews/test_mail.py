"""Invitations go through the outbox: the candidate's from its template, one per interviewer."""

from __future__ import annotations

from datetime import timedelta

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.mail.services.outbox import outbox_query
from tests.interviews.conftest import START
from tests.interviews.outbox import calendar_of, outbox, to


def _event(calendar):
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    return events[0]


def test_scheduling_records_one_message_per_interviewer_with_a_parseable_ics(panel):
    for user in (panel.a, panel.b):
        [message] = to(user.email)
        assert panel.candidate.name in message.subject
        assert [a["filename"] for a in message.attachments] == ["interview.ics"]
        part, calendar = calendar_of(message)
        assert part.get_filename() == "interview.ics"
        assert part.get_param("method") == "REQUEST"
        assert str(calendar["METHOD"]) == "REQUEST"
        event = _event(calendar)
        assert str(event["UID"]) == f"{panel.interview.uid}@hirekit"
        assert event.decoded("DTSTART") == START
        assert event.decoded("DTEND") == START + timedelta(hours=1)
        attendees = [str(a) for a in event.get("ATTENDEE")]
        assert f"mailto:{panel.a.email}" in attendees and f"mailto:{panel.b.email}" in attendees
    assert to(panel.outsider.email) == []


def test_the_candidate_gets_the_invitation_template_with_the_ics(panel):
    [message] = to("casey@example.com")
    assert message.template_key == "interview_invitation"
    assert "Casey Candidate" in message.body and "Flask API developer" in message.body
    assert "Sunday 02 March 2036, 14:00 UTC" in message.body
    _, calendar = calendar_of(message)
    assert _event(calendar).decoded("DTSTART") == START


def test_invitations_are_filed_under_the_application(panel):
    application = db.session.query(Application).filter_by(candidate_id=panel.candidate.id).one()
    messages = outbox()
    assert len(messages) == 3  # the candidate and two interviewers
    assert {m.application_id for m in messages} == {application.id}
    assert {m.candidate_id for m in messages} == {panel.candidate.id}
    queued = db.session.query(AuditEntry).filter_by(action="mail.queued").count()
    assert queued == 3


def test_a_confidential_jobs_invitations_stay_with_its_team(panel, make_user):
    panel.job.confidential = True
    db.session.commit()
    outsider_recruiter = make_user("recruiter")
    assert db.session.scalars(outbox_query(outsider_recruiter)).all() == []
    assert len(db.session.scalars(outbox_query(panel.manager)).all()) == 3


def test_calendar_uids_are_random_and_never_repeat_an_earlier_interview(panel):
    import uuid

    [message] = to(panel.a.email)
    uid = str(_event(calendar_of(message)[1])["UID"])
    assert uid == f"{panel.interview.uid}@hirekit"
    assert uuid.UUID(panel.interview.uid).version == 4  # says nothing, guesses nothing
    assert f"interview-{panel.interview.id}" not in uid
