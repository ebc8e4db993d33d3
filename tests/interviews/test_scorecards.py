"""Scorecards: drafts, submission, audited edits, and independent feedback."""

from __future__ import annotations

import pytest

from hirekit.audit.models import AuditEntry
from hirekit.errors import Forbidden, ValidationFailed
from hirekit.extensions import db
from hirekit.interviews.services import scorecards
from hirekit.interviews.services.scorecards import ScorecardInput


def _fill(panel, user, rating: int, recommendation: str = "yes", submit: bool = True):
    card = panel.card_of(user)
    questions = scorecards.questions_for(card)
    data = ScorecardInput(
        answers={q.id: (rating, f"notes {q.id}") for q in questions},
        attributes={name: rating for name in scorecards.attributes_for(card)},
        recommendation=recommendation,
        key_points="solid",
    )
    saved = scorecards.save(card.id, data, actor=user, submit=submit)
    db.session.commit()
    return saved


def test_a_draft_stays_a_draft_and_submitting_locks_it(panel):
    card = _fill(panel, panel.a, 3, submit=False)
    assert card.status == "draft" and card.submitted_at is None
    assert all(a["rating"] == 3 for a in card.answers.values())
    card = _fill(panel, panel.a, 3)
    assert card.status == "submitted" and card.submitted_at is not None


def test_submitting_needs_a_recommendation_and_a_rating(panel):
    card = panel.card_of(panel.a)
    with pytest.raises(ValidationFailed) as caught:
        scorecards.save(card.id, ScorecardInput(), actor=panel.a, submit=True)
    assert set(caught.value.details) == {"recommendation", "answers"}


def test_ratings_outside_the_scale_and_foreign_questions_are_refused(panel):
    card = panel.card_of(panel.a)
    qid = scorecards.questions_for(card)[0].id
    with pytest.raises(ValidationFailed):
        scorecards.save(card.id, ScorecardInput(answers={qid: (5, "")}), actor=panel.a)
    with pytest.raises(ValidationFailed):
        scorecards.save(card.id, ScorecardInput(answers={999999: (2, "")}), actor=panel.a)


def test_only_its_interviewer_writes_a_scorecard(panel):
    card = panel.card_of(panel.a)
    for other in (panel.b, panel.manager, panel.outsider):
        with pytest.raises(Forbidden):
            scorecards.save(card.id, ScorecardInput(), actor=other)


def test_edits_after_submission_are_audited_with_previous_values(panel):
    _fill(panel, panel.a, 3)
    card = _fill(panel, panel.a, 4, recommendation="strong_yes")
    assert card.status == "submitted"
    entry = db.session.query(AuditEntry).filter_by(action="scorecard.edited_after_submit").one()
    assert entry.subject_id == str(card.id)
    assert entry.details["recommendation"] == {"before": "yes", "after": "strong_yes"}
    first = next(iter(entry.details["answers"]["before"].values()))
    assert first["rating"] == 3
    assert next(iter(entry.details["answers"]["after"].values()))["rating"] == 4


def test_an_unchanged_save_after_submission_records_nothing(panel):
    _fill(panel, panel.a, 3)
    _fill(panel, panel.a, 3)
    assert (
        db.session.query(AuditEntry).filter_by(action="scorecard.edited_after_submit").count() == 0
    )


def test_independent_feedback(panel):
    a_card, b_card = panel.card_of(panel.a), panel.card_of(panel.b)
    _fill(panel, panel.b, 2)
    # A has not submitted: only their own card, and B's is refused.
    seen = scorecards.visible_scorecards(panel.candidate.id, panel.job.id, panel.a)
    assert [c.id for c in seen] == [a_card.id]
    with pytest.raises(Forbidden):
        scorecards.get_scorecard(b_card.id, panel.a)
    _fill(panel, panel.a, 4)
    seen = scorecards.visible_scorecards(panel.candidate.id, panel.job.id, panel.a)
    assert {c.id for c in seen} == {a_card.id, b_card.id}
    assert scorecards.get_scorecard(b_card.id, panel.a).id == b_card.id


def test_managers_always_see_and_outsiders_never(panel):
    card = panel.card_of(panel.a)
    assert scorecards.get_scorecard(card.id, panel.manager).id == card.id
    assert len(scorecards.visible_scorecards(panel.candidate.id, panel.job.id, panel.manager)) == 2
    for user in (panel.outsider, panel.recruiter):
        with pytest.raises(Forbidden):
            scorecards.get_scorecard(card.id, user)
        with pytest.raises(Forbidden):
            scorecards.visible_scorecards(panel.candidate.id, panel.job.id, user)


def test_a_colleagues_draft_stays_hidden_after_submitting_ones_own(panel):
    a_card, b_card = panel.card_of(panel.a), panel.card_of(panel.b)
    _fill(panel, panel.a, 4)
    seen = scorecards.visible_scorecards(panel.candidate.id, panel.job.id, panel.a)
    assert [c.id for c in seen] == [a_card.id]
    with pytest.raises(Forbidden):
        scorecards.get_scorecard(b_card.id, panel.a)
    # The hiring manager follows drafts too.
    assert scorecards.get_scorecard(b_card.id, panel.manager).id == b_card.id
