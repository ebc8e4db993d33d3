"""Cancelling an interview: schedulers only, audited, the panel sent a calendar cancellation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hirekit.audit.models import AuditEntry
from hirekit.errors import Conflict, Forbidden
from hirekit.extensions import db
from hirekit.interviews.services import reminders, scheduling
from hirekit.interviews.services.cancelling import cancel_interview
from tests.conftest import csrf_token, login
from tests.interviews.conftest import START
from tests.interviews.outbox import calendar_of, to


def _cancellations(user):
    return [m for m in to(user.email) if m.subject.startswith("Cancelled:")]


def test_the_page_offers_the_button_to_schedulers_only(client, panel):
    login(client, panel.manager.email)
    assert "Cancel interview" in client.get(f"/interviews/{panel.interview.id}").get_data(
        as_text=True
    )
    other = client.application.test_client()
    login(other, panel.a.email)
    html = other.get(f"/interviews/{panel.interview.id}").get_data(as_text=True)
    assert "Cancel interview" not in html


def test_cancelling_from_the_page_notifies_the_panel_and_is_audited(client, panel):
    login(client, panel.manager.email)
    page = f"/interviews/{panel.interview.id}"
    response = client.post(
        f"{page}/cancel",
        data={"csrf_token": csrf_token(client, page), "reason": "The candidate withdrew"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert panel.interview.status == "cancelled"
    entry = db.session.query(AuditEntry).filter_by(action="interview.cancelled").one()
    assert entry.actor_id == panel.manager.id and entry.subject_id == str(panel.interview.id)
    assert entry.details["reason"] == "The candidate withdrew"
    assert entry.details["interviewers"] == [panel.a.id, panel.b.id]
    for user in (panel.a, panel.b):
        [message] = _cancellations(user)
        assert "The candidate withdrew" in message.body
        part, calendar = calendar_of(message)
        assert part.get_param("method") == "CANCEL"
        event = next(c for c in calendar.walk() if c.name == "VEVENT")
        assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
        assert str(event["UID"]) == f"{panel.interview.uid}@hirekit"
        assert int(event["SEQUENCE"]) == 1
    assert _cancellations(panel.outsider) == []
    html = client.get(page).get_data(as_text=True)
    assert "This interview is cancelled." in html and "Cancel interview" not in html


def test_cancelling_twice_is_a_conflict_and_sends_nothing_more(panel):
    cancel_interview(panel.interview.id, actor=panel.recruiter)
    db.session.commit()
    with pytest.raises(Conflict):
        cancel_interview(panel.interview.id, actor=panel.manager)
    assert len(_cancellations(panel.a)) == 1


@pytest.mark.parametrize("who", ["a", "outsider"])
def test_interviewers_cannot_cancel(client, panel, who):
    with pytest.raises(Forbidden):
        cancel_interview(panel.interview.id, actor=getattr(panel, who))
    login(client, getattr(panel, who).email)
    page = f"/interviews/{panel.interview.id}"
    token = csrf_token(client, "/profile")
    assert client.post(f"{page}/cancel", data={"csrf_token": token}).status_code == 403
    db.session.expire_all()
    assert panel.interview.status == "scheduled"


def test_a_confidential_job_stays_with_its_team(panel, make_user):
    panel.job.confidential = True
    db.session.commit()
    with pytest.raises(Exception) as caught:
        cancel_interview(panel.interview.id, actor=make_user("recruiter"))
    assert getattr(caught.value, "status", None) in (403, 404)
    db.session.rollback()
    assert panel.interview.status == "scheduled"


def test_cancel_through_the_api(client, panel):
    from hirekit.accounts import services

    def headers(user):
        issued = services.create_token(user, "t")
        db.session.commit()
        return {"Authorization": f"Bearer {issued.secret}"}

    url = f"/api/v1/interviews/{panel.interview.id}/cancel"
    assert client.post(url, json={}, headers=headers(panel.a)).status_code == 403
    too_long = client.post(url, json={"reason": "x" * 501}, headers=headers(panel.manager))
    assert too_long.status_code == 422
    done = client.post(url, json={"reason": "Moved"}, headers=headers(panel.manager))
    assert done.status_code == 200 and done.get_json()["status"] == "cancelled"
    again = client.post(url, json={}, headers=headers(panel.manager))
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "conflict"
    assert len(_cancellations(panel.b)) == 1


def test_a_cancelled_interview_leaves_lists_reminders_and_evidence(client, panel):
    cancel_interview(panel.interview.id, actor=panel.manager)
    db.session.commit()
    assert scheduling.my_interviews(panel.a) == []
    assert reminders.remind_overdue(START + timedelta(days=5)) == []
    login(client, panel.a.email)
    page = client.get(f"/interviews/{panel.interview.id}").get_data(as_text=True)
    assert "iv-evidence" not in page and "My scorecard" not in page
