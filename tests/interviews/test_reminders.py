"""Overdue scorecards: reminders through the outbox, the cron command, the dashboard."""

from __future__ import annotations

from datetime import timedelta

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.interviews.services import reminders, scorecards
from hirekit.interviews.services.scorecards import ScorecardInput
from tests.conftest import login
from tests.interviews.conftest import START, happened, schedule_panel
from tests.interviews.outbox import to

DUE = START + timedelta(hours=26)  # a one-hour interview, 25 hours after its end


def _submit(panel, user):
    card = panel.card_of(user)
    qs = scorecards.questions_for(card)
    data = ScorecardInput(answers={q.id: (3, "") for q in qs}, recommendation="yes")
    scorecards.save(card.id, data, actor=user, submit=True)
    db.session.commit()


def _reminders_to(user):
    return [m for m in to(user.email) if m.subject.startswith("Scorecard overdue")]


def test_reminders_go_through_the_outbox_once_per_overdue_scorecard(panel):
    _submit(panel, panel.b)
    assert reminders.remind_overdue(START + timedelta(hours=24)) == []
    sent = reminders.remind_overdue(DUE)
    db.session.commit()
    assert [r.scorecard_id for r in sent] == [panel.card_of(panel.a).id]
    [message] = _reminders_to(panel.a)
    assert sent[0].message_id == message.id
    assert "Casey Candidate" in message.subject and "not submitted yet" in message.body
    assert message.candidate_id == panel.candidate.id
    assert _reminders_to(panel.b) == []  # submitted: nothing to remind
    assert reminders.remind_overdue(DUE + timedelta(days=3)) == []
    assert len(_reminders_to(panel.a)) == 1


def test_a_reminder_that_cannot_be_queued_is_retried_next_run(panel):
    panel.a.email = "not-an-address"
    db.session.commit()
    first = reminders.remind_overdue(DUE)
    db.session.commit()
    by_card = {r.scorecard_id: r for r in first}
    a_card, b_card = panel.card_of(panel.a), panel.card_of(panel.b)
    assert (
        by_card[a_card.id].message_id is None and "not an email address" in by_card[a_card.id].error
    )
    assert by_card[b_card.id].message_id is not None
    db.session.refresh(a_card)
    assert a_card.reminded_at is None
    panel.a.email = "ada@example.com"
    db.session.commit()
    [again] = reminders.remind_overdue(DUE)
    assert again.scorecard_id == a_card.id and again.message_id is not None


def test_remind_command_prints_what_it_sent_and_exits_0(app, panel):
    runner = app.test_cli_runner()
    # The panel's interview took place on 2 March 2026; a second one is still in the future.
    happened(panel.interview)
    schedule_panel(
        panel.manager, panel.job, panel.candidate, [panel.b], starts_at=utcnow() + timedelta(days=2)
    )
    result = runner.invoke(args=["interviews", "remind"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert sum(line.startswith("reminded ") for line in lines) == 2
    assert any(panel.a.email in line and f"#{panel.card_of(panel.a).id}" in line for line in lines)
    assert lines[-1] == "interviews remind: 2 reminder(s) queued, 0 failed"
    assert len(_reminders_to(panel.a)) == 1
    again = runner.invoke(args=["interviews", "remind"])
    assert again.exit_code == 0
    assert again.output.splitlines() == ["interviews remind: 0 reminder(s) queued, 0 failed"]
    assert len(_reminders_to(panel.a)) == 1


def _overdue_on_dashboard(app, user) -> str:
    client = app.test_client()  # a browser of their own
    login(client, user.email)
    html = client.get("/dashboard").get_data(as_text=True)
    return (
        html.split('id="overdue-scorecards"')[1].split("</section>")[0]
        if 'id="overdue-scorecards"' in html
        else ""
    )


def test_dashboard_lists_overdue_scorecards_by_role(app, panel, make_user):
    happened(panel.interview)
    _submit(panel, panel.b)
    a_card = panel.card_of(panel.a)
    mine = _overdue_on_dashboard(app, panel.a)
    assert f'data-scorecard="{a_card.id}"' in mine and "Your scorecard" in mine
    assert _overdue_on_dashboard(app, panel.b) == ""
    managed = _overdue_on_dashboard(app, panel.manager)
    assert f'data-scorecard="{a_card.id}"' in managed and "Ada Interviewer" in managed
    assert _overdue_on_dashboard(app, make_user("admin")) != ""
    # A recruiter or an interviewer off the panel has no overdue scorecard of their own.
    assert _overdue_on_dashboard(app, panel.recruiter) == ""
    assert _overdue_on_dashboard(app, panel.outsider) == ""


def test_dashboard_hides_confidential_jobs_from_other_managers(app, panel, make_user):
    happened(panel.interview)
    panel.job.confidential = True
    db.session.commit()
    assert _overdue_on_dashboard(app, make_user("hiring_manager")) == ""
    assert _overdue_on_dashboard(app, panel.manager) != ""
