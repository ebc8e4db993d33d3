"""The visibility rule for every role on every interview page and API endpoint."""

from __future__ import annotations

import pytest

from hirekit.extensions import db
from hirekit.interviews.services import scorecards
from hirekit.interviews.services.scorecards import ScorecardInput
from tests.conftest import login


def _submit(panel, user, rating):
    card = panel.card_of(user)
    qs = scorecards.questions_for(card)
    data = ScorecardInput(answers={q.id: (rating, "") for q in qs}, recommendation="yes")
    scorecards.save(card.id, data, actor=user, submit=True)
    db.session.commit()
    return card


def _pages(panel):
    p = panel
    return [
        f"/interviews/{p.interview.id}",
        f"/interviews/{p.interview.id}/invite.ics",
        f"/scorecards/{p.card_of(p.b).id}",
        f"/jobs/{p.job.id}/debriefs/{p.candidate.id}",
        f"/jobs/{p.job.id}/kit",
        f"/jobs/{p.job.id}/interviews/new",
        "/interviewers/calibration",
        "/debriefs",
    ]


def test_panel_interviewer_sees_own_interview_and_nothing_else(client, panel):
    login(client, panel.a.email)
    home = client.get("/interviews").get_data(as_text=True)
    assert "Casey Candidate" in home
    page = client.get(f"/interviews/{panel.interview.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "70000" not in html and "90,000" not in html and "90000" not in html
    assert client.get(f"/interviews/{panel.interview.id}/invite.ics").status_code == 200
    assert client.get(f"/scorecards/{panel.card_of(panel.a).id}").status_code == 200
    # B's scorecard until A submits; every manager page; the candidate and job pages.
    for path in [
        *_pages(panel)[2:],
        f"/candidates/{panel.candidate.id}",
        f"/jobs/{panel.job.id}",
        "/candidates/",
        "/jobs/",
    ]:
        assert client.get(path).status_code == 403, path


def test_outsider_interviewer_gets_403_everywhere(client, panel):
    login(client, panel.outsider.email)
    assert "Casey" not in client.get("/interviews").get_data(as_text=True)
    for path in _pages(panel):
        assert client.get(path).status_code == 403, path


def test_other_scorecards_open_after_submitting_own(client, panel):
    _submit(panel, panel.b, 2)
    login(client, panel.a.email)
    b_card = panel.card_of(panel.b)
    assert client.get(f"/scorecards/{b_card.id}").status_code == 403
    assert (
        "Ben Interviewer"
        not in client.get(f"/interviews/{panel.interview.id}")
        .get_data(as_text=True)
        .split("Scorecards you can see")[1]
        .split("Evidence")[0]
    )
    _submit(panel, panel.a, 4)
    assert client.get(f"/scorecards/{b_card.id}").status_code == 200


@pytest.mark.parametrize("who", ["manager", "recruiter"])
def test_schedulers_see_interviews(client, panel, who):
    login(client, getattr(panel, who).email)
    assert client.get(f"/interviews/{panel.interview.id}").status_code == 200
    assert client.get(f"/jobs/{panel.job.id}/interviews/new").status_code == 200
    debrief = client.get(f"/jobs/{panel.job.id}/debriefs/{panel.candidate.id}").status_code
    assert debrief == (200 if who == "manager" else 403)


def test_api_visibility(client, panel, api_token):
    from hirekit.accounts import services

    def headers(user):
        issued = services.create_token(user, "t")
        db.session.commit()
        return {"Authorization": f"Bearer {issued.secret}"}

    a, b, out, hm = (headers(u) for u in (panel.a, panel.b, panel.outsider, panel.manager))
    p = panel
    b_card = p.card_of(p.b).id
    listing = client.get("/api/v1/interviews", headers=a)
    assert listing.status_code == 200 and listing.headers["X-Total-Count"] == "1"
    assert client.get("/api/v1/interviews", headers=out).get_json() == []
    assert client.get(f"/api/v1/interviews/{p.interview.id}", headers=out).status_code == 403
    assert client.get(f"/api/v1/scorecards/{b_card}", headers=a).status_code == 403
    scs = f"/api/v1/jobs/{p.job.id}/candidates/{p.candidate.id}/scorecards"
    assert [c["interviewer_id"] for c in client.get(scs, headers=a).get_json()] == [p.a.id]
    assert client.get(scs, headers=out).status_code == 403
    assert len(client.get(scs, headers=hm).get_json()) == 2
    debrief = f"/api/v1/jobs/{p.job.id}/debriefs/{p.candidate.id}"
    assert client.get(debrief, headers=a).status_code == 403
    assert client.get(debrief, headers=hm).status_code == 200
    assert client.get(f"/api/v1/jobs/{p.job.id}/kit", headers=a).status_code == 403
    kit = client.get(f"/api/v1/jobs/{p.job.id}/kit", headers=hm).get_json()
    assert 8 <= len(kit["questions"]) <= 12
    # A writes their own scorecard through the API and cannot write B's.
    qid = kit["parts"][0]["id"]
    qs = [q["id"] for q in kit["questions"] if q["part_id"] == qid]
    body = {
        "answers": [{"question_id": qs[0], "rating": 3}],
        "recommendation": "yes",
        "submit": True,
    }
    mine = client.put(f"/api/v1/scorecards/{p.card_of(p.a).id}", json=body, headers=a)
    assert mine.status_code == 200 and mine.get_json()["status"] == "submitted"
    assert client.put(f"/api/v1/scorecards/{b_card}", json=body, headers=a).status_code == 403
    assert client.put(f"/api/v1/scorecards/{b_card}", json=body, headers=hm).status_code == 403
