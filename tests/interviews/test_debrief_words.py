"""The debrief in plain words, the figures behind it, cancelled interviews left out,
and tailored questions rated on the scorecard."""

from __future__ import annotations

import pytest

from hirekit.extensions import db
from hirekit.interviews.debrief_summary import Disagreement, lean, summary
from hirekit.interviews.services import debrief, scorecards
from hirekit.interviews.services.cancelling import cancel_interview
from hirekit.interviews.services.scorecards import ScorecardInput
from hirekit.interviews.services.tailored_ratings import tailored_for
from tests.conftest import login
from tests.interviews.conftest import add_reviewed_takehome, later, schedule_panel


@pytest.mark.parametrize(
    ("recommendations", "words"),
    [
        ([], "No recommendation is in yet"),
        (["yes", "strong_yes"], "Panel leans hire"),
        (["strong_yes", "strong_yes"], "Panel is strongly for hiring"),
        (["no", "no"], "Panel leans no hire"),
        (["yes", "yes", "no"], "Panel leans hire (2 of 3 for)"),
        (["no", "strong_no", "yes"], "Panel leans no hire (2 of 3 against)"),
        (["yes", "no"], "Panel is split (1 for, 1 against)"),
    ],
)
def test_which_way_the_panel_leans(recommendations, words):
    assert lean(recommendations) == words


def test_the_sentence_names_disagreements_and_missing_scorecards():
    assert summary(["yes", "yes"], [Disagreement("API design", 2)], []) == (
        "Panel leans hire; two interviewers disagree on API design."
    )
    assert summary(
        ["yes", "no"],
        [Disagreement("testing", 3), Disagreement("database", 3)],
        ["Ben Interviewer"],
        "mid",
        "low",
    ) == (
        "Panel is split (1 for, 1 against); interviewers disagree on testing and database; "
        "still waiting for one scorecard (Ben Interviewer). "
        "The ratings point to mid level, with low confidence."
    )


def _rate(panel, user, ratings, recommendation, interview=None):
    interview = interview or panel.interview
    card = next(c for c in interview.scorecards if c.interviewer_id == user.id)
    qs = scorecards.questions_for(card)
    data = ScorecardInput(
        answers={q.id: (r, "") for q, r in zip(qs, ratings, strict=False)},
        recommendation=recommendation,
    )
    scorecards.save(card.id, data, actor=user, submit=True)
    db.session.commit()
    return qs


def test_the_debrief_says_it_in_words_and_leaves_cancelled_interviews_out(client, panel, make_user):
    qs = _rate(panel, panel.a, [4, 3], "yes")
    _rate(panel, panel.b, [2, 3], "yes")
    extra = make_user("interviewer", name="Cleo Canceled")
    second = schedule_panel(panel.manager, panel.job, panel.candidate, [extra], starts_at=later(48))
    _rate(panel, extra, [1, 1], "strong_no", interview=second)
    cancel_interview(second.id, actor=panel.manager)
    db.session.commit()

    d = debrief.build_debrief(panel.job.id, panel.candidate.id, panel.manager)
    assert [c.interviewer.display_name for c in d.scorecards] == [
        "Ada Interviewer",
        "Ben Interviewer",
    ]
    topic = qs[0].topic.replace("-", " ")
    assert d.summary.startswith(f"Panel leans hire; two interviewers disagree on {topic}")
    rows = {(i.job_id, i.candidate_id): (done, total) for i, done, total in
            debrief.debrief_list(panel.manager)}  # fmt: skip
    assert rows[(panel.job.id, panel.candidate.id)] == (2, 2)

    login(client, panel.manager.email)
    page = client.get(f"/jobs/{panel.job.id}/debriefs/{panel.candidate.id}").get_data(as_text=True)
    assert d.summary in page.replace("&#39;", "'")
    assert "<summary>Show the figures</summary>" in page
    assert "Cleo Canceled" not in page
    assert "Scorecards of cancelled interviews are not counted." in page


def test_tailored_questions_are_rated_stored_and_shown_in_the_debrief(client, panel):
    add_reviewed_takehome(panel)
    card = panel.card_of(panel.a)
    (item,) = tailored_for(card)
    qs = scorecards.questions_for(card)
    data = ScorecardInput(
        answers={qs[0].id: (3, "")},
        tailored={item.key: (2, "No tests at all; could not say why.")},
        recommendation="no",
    )
    scorecards.save(card.id, data, actor=panel.a, submit=True)
    db.session.commit()
    stored = card.answers[item.key]
    assert stored["rating"] == 2 and stored["question"] == item.question

    with pytest.raises(Exception) as caught:
        scorecards.save(
            card.id,
            ScorecardInput(tailored={"t:000000000000": (3, "")}, recommendation="no"),
            actor=panel.a,
        )
    assert "t:000000000000" in caught.value.details  # type: ignore[attr-defined]

    d = debrief.build_debrief(panel.job.id, panel.candidate.id, panel.manager)
    assert item.key in {s.item for s in d.question_spreads}
    assert d.label(item.key) == item.question

    login(client, panel.a.email)
    scorecard_page = client.get(f"/scorecards/{card.id}").get_data(as_text=True)
    assert f'name="{item.field}-rating"' in scorecard_page
    manager = client.application.test_client()
    login(manager, panel.manager.email)
    page = manager.get(f"/jobs/{panel.job.id}/debriefs/{panel.candidate.id}")
    assert "tailored</span>" in page.get_data(as_text=True)
