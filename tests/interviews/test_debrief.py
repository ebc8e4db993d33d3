"""Debrief figures, decisions, tailored questions from evidence, reminders and the .ics."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.interviews.ics import build_ics
from hirekit.interviews.services import debrief, reminders, scorecards
from hirekit.interviews.services.scheduling import calendar_event
from hirekit.interviews.services.scorecards import ScorecardInput
from tests.interviews.conftest import START, add_reviewed_takehome


def _rate(panel, user, ratings):
    card = panel.card_of(user)
    qs = scorecards.questions_for(card)
    data = ScorecardInput(
        answers={q.id: (r, "") for q, r in zip(qs, ratings, strict=False)},
        attributes={n: ratings[0] for n in scorecards.attributes_for(card)},
        recommendation="yes",
    )
    scorecards.save(card.id, data, actor=user, submit=True)
    db.session.commit()
    return qs


def test_debrief_spreads_disagreements_and_estimate(panel):
    qs = _rate(panel, panel.a, [4, 3])
    _rate(panel, panel.b, [2, 3])
    d = debrief.build_debrief(panel.job.id, panel.candidate.id, panel.manager)
    by_item = {s.item: s for s in d.question_spreads}
    assert by_item[str(qs[0].id)].disagreement and by_item[str(qs[0].id)].spread == 2
    assert not by_item[str(qs[1].id)].disagreement
    attr = d.attribute_spreads[0]
    assert attr.disagreement  # 4 vs 2 on the first attribute
    # Hand computation: weights from each question's use cases for rest-api.
    from hirekit.engines.interviewkit import relevance

    w = [relevance(q.use_cases, "rest-api") for q in qs[:2]]
    score = (w[0] * 6 + w[1] * 6) / (2 * w[0] + 2 * w[1])
    assert d.estimate.score == pytest.approx(round(score, 2))
    assert d.estimate.level == "mid"


def test_decision_reject_needs_reason_and_moves_the_application(panel):
    _rate(panel, panel.a, [3])
    with pytest.raises(ValidationFailed):
        debrief.record_decision(panel.job.id, panel.candidate.id, "reject", actor=panel.manager)
    row = debrief.record_decision(
        panel.job.id,
        panel.candidate.id,
        "reject",
        actor=panel.manager,
        reason="interview-performance",
    )
    db.session.commit()
    assert row.level_estimate == "mid"
    application = db.session.query(Application).filter_by(candidate_id=panel.candidate.id).one()
    assert application.status == "rejected"
    assert db.session.query(AuditEntry).filter_by(action="debrief.decided").count() == 1


def test_offer_moves_to_the_offer_stage(panel):
    _rate(panel, panel.a, [4])
    debrief.record_decision(panel.job.id, panel.candidate.id, "offer", actor=panel.manager)
    db.session.commit()
    application = db.session.query(Application).filter_by(candidate_id=panel.candidate.id).one()
    assert application.stage.name == "Offer"


def test_tailored_questions_come_from_the_take_home(panel):
    add_reviewed_takehome(panel)
    d = debrief.build_debrief(panel.job.id, panel.candidate.id, panel.manager)
    assert [q.evidence for q in d.evidence.tailored] == [("no-tests",)]
    assert d.evidence.takehomes[0].score == 40


def test_overdue_scorecards_listed_and_reminded_once(panel):
    assert reminders.overdue_scorecards(panel.a, START + timedelta(hours=24)) == []
    due = START + timedelta(hours=26)
    assert [c.interviewer_id for c in reminders.overdue_scorecards(panel.a, due)] == [panel.a.id]
    assert len(reminders.overdue_scorecards(panel.manager, due)) == 2
    assert reminders.send_reminders(due) == 2
    assert reminders.send_reminders(due) == 0
    assert all(c.reminded_at is not None for c in panel.interview.scorecards)


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_is_valid_rfc5545(panel):
    panel.candidate.name = "Casey, the; Candidate"
    text = build_ics(
        calendar_event(panel.interview, panel.interview.interviewers, "hm@example.com")
    )
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    props = dict(line.split(":", 1) for line in lines if line and ";" not in line.split(":")[0])
    assert props["DTSTART"] == "20360302T140000Z" and props["DTEND"] == "20360302T150000Z"
    assert props["METHOD"] == "REQUEST" and props["UID"] == f"{panel.interview.uid}@hirekit"
    assert "Casey\\, the\\; Candidate" in props["SUMMARY"]
    attendees = [line for line in lines if line.startswith("ATTENDEE")]
    assert len(attendees) == 3 and attendees[0].endswith(f"mailto:{panel.a.email}")
