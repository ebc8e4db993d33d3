"""The job's ranked list: order by score, flag chips, highlighted quotes, blind mode, overrides."""

from __future__ import annotations

import html
import io
import re

from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.resumes.models import JobScreeningSettings, Screening
from hirekit.resumes.services.ranking import blind_id
from tests.conftest import csrf_token
from tests.resumes.samples import TESTING_QUOTE, open_job, text_resume


def _upload(client, job_id, files):
    token = csrf_token(client, f"/jobs/{job_id}/resumes")
    data = {"csrf_token": token, "files": [(io.BytesIO(b), name) for name, b in files]}
    response = client.post(f"/jobs/{job_id}/resumes", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    drain()


def _screened_job(client, login_as):
    me = login_as("recruiter")
    job = open_job(me)
    _upload(
        client,
        job.id,
        [
            ("weak.txt", text_resume("Cy Weakly", "cy@example.com", strong=False)),
            ("ana.txt", text_resume("Ana Lovelace", "ana@example.com", "+44 20 7946 0958")),
        ],
    )
    return me, job


def _person(email):
    return db.session.scalars(select(Candidate).where(Candidate.email == email)).one()


def test_candidates_are_ranked_by_score_and_blind_by_default(client, login_as):
    _, job = _screened_job(client, login_as)
    page = client.get(f"/jobs/{job.id}/ranked").get_data(as_text=True)
    ana, cy = _person("ana@example.com"), _person("cy@example.com")
    assert page.index(blind_id(ana.id)) < page.index(blind_id(cy.id))
    for secret in (
        "Ana Lovelace",
        "Lovelace",
        "ana@example.com",
        "7946",
        "University of Manchester",
    ):
        assert secret not in page, secret
    assert "[school]" in page and "[email]" in page


def test_chips_show_flags_with_confidence(client, login_as):
    _, job = _screened_job(client, login_as)
    page = client.get(f"/jobs/{job.id}/ranked").get_data(as_text=True)
    quote = html.escape(TESTING_QUOTE)
    assert f'<span class="chip green" title="{quote}">Testing</span>' in page
    medium = r'<span class="chip yellow" title="[^"]*">No sign of app structure <small>\(medium\)'
    assert re.search(medium, page)


def test_quotes_are_highlighted_at_their_offsets(client, login_as):
    _, job = _screened_job(client, login_as)
    page = client.get(f"/jobs/{job.id}/ranked").get_data(as_text=True)
    screening = db.session.scalars(
        select(Screening).where(Screening.candidate_id == _person("ana@example.com").id)
    ).one()
    testing = next(f for f in screening.blind_flags["green"] if f["flag"] == "testing")
    evidence = testing["evidence"][0]
    assert screening.blind_text[evidence["start"] : evidence["end"]] == TESTING_QUOTE
    assert f'<mark class="green" title="testing">{html.escape(TESTING_QUOTE)}</mark>' in page


def test_switching_blind_mode_off_shows_names_and_is_audited(client, login_as):
    me, job = _screened_job(client, login_as)
    token = csrf_token(client, f"/jobs/{job.id}/ranked")
    response = client.post(f"/jobs/{job.id}/screening-settings", data={"csrf_token": token})
    assert response.status_code == 302
    assert db.session.get(JobScreeningSettings, job.id).blind is False
    page = client.get(f"/jobs/{job.id}/ranked").get_data(as_text=True)
    assert "Ana Lovelace" in page and "ana@example.com" in page
    assert "University of Manchester" in page
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "screening.blind_mode")
    ).one()
    assert entry.actor_id == me.id and entry.details == {"blind": False}


def test_blind_mode_is_per_job(client, login_as):
    me, job = _screened_job(client, login_as)
    other = open_job(me, title="Another Flask job")
    token = csrf_token(client, f"/jobs/{job.id}/ranked")
    client.post(f"/jobs/{job.id}/screening-settings", data={"csrf_token": token})
    client.post(f"/jobs/{other.id}/screening-settings", data={"csrf_token": token, "blind": "y"})
    assert db.session.get(JobScreeningSettings, job.id).blind is False
    assert db.session.get(JobScreeningSettings, other.id).blind is True


def test_override_needs_a_reason_and_is_audited(client, login_as):
    me, job = _screened_job(client, login_as)
    cy = _person("cy@example.com")
    screening = db.session.scalars(select(Screening).where(Screening.candidate_id == cy.id)).one()
    assert screening.fit == "no"
    token = csrf_token(client, f"/jobs/{job.id}/ranked")
    url = f"/screenings/{screening.id}/override"
    refused = client.post(url, data={"csrf_token": token, "fit": "strong", "reason": ""})
    assert refused.status_code == 422
    db.session.refresh(screening)
    assert screening.override_fit == ""
    response = client.post(
        url,
        data={
            "csrf_token": token,
            "fit": "possible",
            "reason": "Ran the office IT alone",
            "job_id": str(job.id),
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/jobs/{job.id}/ranked")
    db.session.refresh(screening)
    assert (screening.override_fit, screening.effective_fit) == ("possible", "possible")
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "screening.override")
    ).one()
    assert entry.actor_id == me.id
    assert entry.details["from"] == "no" and entry.details["to"] == "possible"
    assert entry.details["reason"] == "Ran the office IT alone"
    page = client.get(f"/jobs/{job.id}/ranked").get_data(as_text=True)
    assert "possible (override)" in page


def test_interviewers_cannot_see_the_ranked_list(client, login_as, make_user):
    job = open_job(make_user("recruiter"))
    login_as("interviewer")
    assert client.get(f"/jobs/{job.id}/ranked").status_code == 403


JAVA_ONE = "Java Developer, Banca (2015 - 2020)\n- Wrote JUnit tests for the payments service.\n"
JAVA_TWO = (
    "Java Developer, Banca (2015 - 2020)\n- Wrote JUnit tests for the payments service.\n"
    "- Added JUnit tests for the ledger module.\n"
)
_LINE_POINTS = re.compile(r"<li>[^<]*?: ([+-]\d+)</li>")
_BASE = re.compile(r"band starts at (\d+) points")


def test_ties_are_broken_by_evidence_and_shared_when_equal(client, login_as):
    me = login_as("recruiter")
    job = open_job(me)
    office = text_resume("Cy Weakly", "cy@example.com", strong=False)
    _upload(
        client,
        job.id,
        [
            ("java-one.txt", f"Bo One\nbo@example.com\nExperience\n{JAVA_ONE}".encode()),
            ("office-a.txt", office),
            ("java-two.txt", f"Di Two\ndi@example.com\nExperience\n{JAVA_TWO}".encode()),
            ("office-b.txt", office.replace(b"cy@example.com", b"ed@example.com")),
        ],
    )
    screenings = {
        email: db.session.scalars(
            select(Screening).where(Screening.candidate_id == _person(email).id)
        ).one()
        for email in ("bo@example.com", "di@example.com", "cy@example.com", "ed@example.com")
    }
    # Same score for each pair: the Java pair differs only in how much evidence it quotes.
    assert screenings["bo@example.com"].score == screenings["di@example.com"].score
    assert screenings["cy@example.com"].score == screenings["ed@example.com"].score
    page = client.get(f"/jobs/{job.id}/ranked").get_data(as_text=True)
    order = [blind_id(_person(e).id) for e in ("di@example.com", "bo@example.com")]
    # Uploaded second, ranked first: more evidence, not upload order, decides.
    assert page.index(order[0]) < page.index(order[1])
    ranks = re.findall(r'<span class="rank">#(\d+)( <small>\(tie\)</small>)?</span>', page)
    assert [r[0] for r in ranks] == ["1", "2", "3", "3"]
    assert [bool(r[1]) for r in ranks] == [False, False, True, True]
    # The non-Python resumes carry no yellow flags, and the page says so.
    assert "Yellow flags not assessed" in page


def test_the_explanation_adds_up_to_the_score_shown(client, login_as):
    _, job = _screened_job(client, login_as)
    page = client.get(f"/jobs/{job.id}/ranked").get_data(as_text=True)
    entries = page.split('<li class="ranked-entry card"')[1:]
    assert len(entries) == 2
    shown = []
    for entry in entries:
        score = int(re.search(r'<span class="score">(\d+)</span>', entry).group(1))
        base = int(_BASE.search(entry).group(1))
        points = [int(p) for p in _LINE_POINTS.findall(entry)]
        assert base + sum(points) == score
        shown.append(points)
    assert shown[0] and shown[1] == []  # the office assistant has nothing to add or take
