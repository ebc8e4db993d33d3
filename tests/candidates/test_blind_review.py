"""Blind review for a reviewer: ranked list, board, candidate page, take-home report and
API show no name, contact or address of a real resume until an audited reveal."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates import blinding
from hirekit.candidates.models import CandidateReveal
from hirekit.candidates.services import blind_review
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.resumes.models import Screening
from hirekit.resumes.services.ranking import set_blind
from tests.conftest import csrf_token
from tests.resume_corpus import SAMPLE
from tests.resumes.samples import open_job

# A real CV of the shipped sample with a name, an e-mail and a phone on it.
REAL = SAMPLE / "docx" / "21.docx"


def _secrets(profile: dict) -> list[str]:
    from hirekit.engines.screening.names import name_parts

    found = [p for p in name_parts(profile.get("name"))]
    found += [profile[k] for k in ("email",) if profile.get(k)]
    if profile.get("phone"):
        found.append(re.sub(r"\D", "", profile["phone"])[-7:])
    return found


def _leaks(page: str, secrets: list[str]) -> list[int]:
    """Which secrets (by position, never their value) the page text shows."""
    text = re.sub(r"<[^>]+>", " ", page).lower()
    digits = re.sub(r"\D", "", text)
    out = []
    for i, secret in enumerate(secrets):
        if secret.isdigit():
            if secret in digits:
                out.append(i)
        elif re.search(r"(?<![^\W\d_])" + re.escape(secret.lower()) + r"(?![^\W\d_])", text):
            out.append(i)
    return out


def _upload_real(client, job_id: int) -> None:
    token = csrf_token(client, f"/jobs/{job_id}/resumes")
    with REAL.open("rb") as handle:
        response = client.post(
            f"/jobs/{job_id}/resumes",
            data={"csrf_token": token, "files": [(handle, "cv.docx")]},
            content_type="multipart/form-data",
        )
    assert response.status_code == 302
    drain()


@pytest.fixture
def screened(client, login_as):
    me = login_as("recruiter")
    job = open_job(me)
    _upload_real(client, job.id)
    screening = db.session.scalars(select(Screening)).first()
    assert screening is not None and screening.profile.get("name")
    set_blind(job.id, False, actor=me)  # only the reviewer's own switch blinds below
    me.blind_review = True
    db.session.commit()
    return me, job, screening


def test_blind_reviewer_sees_no_name_email_or_phone_anywhere(client, screened):
    me, job, screening = screened
    secrets = _secrets(screening.profile)
    assert len(secrets) >= 3
    candidate_id = screening.candidate_id
    for path in (
        f"/jobs/{job.id}/ranked",
        f"/jobs/{job.id}/board",
        f"/candidates/{candidate_id}",
        "/candidates/",
    ):
        page = client.get(path).get_data(as_text=True)
        assert _leaks(page, secrets) == [], path
        assert blinding.blind_id(candidate_id) in page or path == "/candidates/", path
    candidate_page = client.get(f"/candidates/{candidate_id}").get_data(as_text=True)
    assert "Resume text (blinded)" in candidate_page and "[name]" in candidate_page
    assert "cv.docx" not in candidate_page


def test_api_is_blind_for_a_blind_reviewer(client, screened, app):
    me, _job, screening = screened
    from hirekit.accounts.services import create_token

    issued = create_token(me, "blind")
    db.session.commit()
    headers = {"Authorization": f"Bearer {issued.secret}"}
    body = client.get(f"/api/v1/candidates/{screening.candidate_id}", headers=headers).get_json()
    assert body["blinded"] is True and body["email"] == "" and body["phone"] == ""
    assert body["name"] == blinding.blind_id(screening.candidate_id)
    shown = client.get(
        f"/api/v1/candidates/{screening.candidate_id}/screening", headers=headers
    ).get_json()
    assert shown["blinded"] is True and shown["candidate"]["email"] is None
    assert shown["file"] != "cv.docx"
    quotes = " ".join(
        e["quote"] for f in shown["green_flags"] + shown["yellow_flags"] for e in f["evidence"]
    )
    assert _leaks(quotes, _secrets(screening.profile)) == []


def test_reveal_is_deliberate_audited_and_lasts(client, screened):
    me, _job, screening = screened
    candidate_id = screening.candidate_id
    token = csrf_token(client, f"/candidates/{candidate_id}")
    refused = client.post(f"/candidates/{candidate_id}/reveal", data={"csrf_token": token})
    assert refused.status_code in (400, 422)
    assert db.session.scalars(select(CandidateReveal)).first() is None
    done = client.post(
        f"/candidates/{candidate_id}/reveal",
        data={"csrf_token": token, "reason": "Scheduling the final interview"},
    )
    assert done.status_code == 302
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "candidate.revealed")
    ).one()
    assert entry.details["reason"] == "Scheduling the final interview"
    page = client.get(f"/candidates/{candidate_id}").get_data(as_text=True)
    shown = screening.profile["email"] in page  # never printed: a real person's address
    assert shown, "the e-mail is shown once revealed"


def test_switching_blind_review_is_audited(client, login_as):
    me = login_as("recruiter")
    token = csrf_token(client, "/candidates/")
    bad = client.post("/blind-review", data={"csrf_token": token, "on": "maybe"})
    assert bad.status_code in (400, 422)
    response = client.post("/blind-review", data={"csrf_token": token, "on": "on"})
    assert response.status_code == 302
    db.session.refresh(me)
    assert me.blind_review is True
    actions = db.session.scalars(select(AuditEntry.action)).all()
    assert "candidates.blind_review" in actions


def test_the_candidates_page_has_the_blind_review_switch(client, login_as):
    me = login_as("recruiter")
    page = client.get("/candidates/").get_data(as_text=True)
    assert "Review blind" in page
    token = csrf_token(client, "/candidates/")
    client.post("/blind-review", data={"csrf_token": token, "on": "on", "next": "/candidates/"})
    db.session.refresh(me)
    assert me.blind_review is True
    assert "Turn blind review off" in client.get("/candidates/").get_data(as_text=True)


def test_a_blind_reviewer_cannot_find_a_hidden_candidate_by_name(client, screened):
    me, _job, screening = screened
    from hirekit.candidates.models import Candidate

    candidate = db.session.get(Candidate, screening.candidate_id)
    family = candidate.name.split()[-1]
    pseudonym = blinding.blind_id(candidate.id)
    from hirekit.search.models import SearchDocument

    # A word of the resume that is no part of the name or contacts still finds them, blind.
    body = db.session.scalars(
        select(SearchDocument.body).where(
            SearchDocument.candidate_id == candidate.id, SearchDocument.kind == "resume"
        )
    ).one()
    identity = f"{candidate.name} {candidate.email} {candidate.phone}".lower()
    skill = next(w for w in re.findall(r"[a-z]{6,}", body.lower()) if w not in identity)
    by_skill = client.get(f"/candidates/?q={skill}").get_data(as_text=True)
    assert pseudonym in by_skill
    for word in (family, candidate.email.split("@")[0]):
        page = client.get(f"/candidates/?q={word}").get_data(as_text=True)
        assert pseudonym not in page, "a name search picked the hidden candidate out"
    from hirekit.accounts.services import create_token

    headers = {"Authorization": f"Bearer {create_token(me, 'blind').secret}"}
    db.session.commit()
    assert client.get(f"/api/v1/candidates?q={skill}", headers=headers).get_json()
    found = client.get(f"/api/v1/candidates?q={family}", headers=headers).get_json()
    assert [c["id"] for c in found] == []
    blind_review.reveal(candidate, "Booking the final interview", actor=me)
    db.session.commit()
    assert candidate.name in client.get(f"/candidates/?q={family}").get_data(as_text=True)
