"""Merging two records: a side-by-side preview, a choice per field, a clear message for a
bad id, duplicates offered (never applied), and the chosen fields in the audit log."""

from __future__ import annotations

from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from tests.conftest import csrf_token
from tests.jobs.factories import make_candidate


def test_preview_choose_and_confirm(client, login_as):
    me = login_as("recruiter")
    keep = make_candidate(me, "Lena Example", email="lena@example.com")
    dupe = make_candidate(me, "Lena M. Example", email="lena.m@example.com", phone="0611111111")
    db.session.commit()
    keep_id, dupe_id = keep.id, dupe.id
    page = client.get(f"/candidates/{keep_id}/merge?other={dupe_id}").get_data(as_text=True)
    assert "Lena M. Example" in page and 'name="keep_email"' in page and "Confirm merge" in page
    assert db.session.get(Candidate, dupe_id) is not None  # the preview changes nothing
    token = csrf_token(client, f"/candidates/{keep_id}/merge?other={dupe_id}")
    response = client.post(
        f"/candidates/{keep_id}/merge",
        data={
            "csrf_token": token,
            "other_id": str(dupe_id),
            "keep_name": "other",
            "keep_email": "this",
            "keep_phone": "other",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    merged = db.session.get(Candidate, keep_id)
    assert (merged.name, merged.email, merged.phone) == (
        "Lena M. Example",
        "lena@example.com",
        "+33611111111" if merged.phone.startswith("+") else "0611111111",
    )
    assert db.session.get(Candidate, dupe_id) is None
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "candidate.merged")
    ).one()
    assert entry.details["choices"] == {"name": "other", "email": "this", "phone": "other"}


def test_bad_unknown_or_same_id_gets_a_message_on_the_form(client, login_as):
    me = login_as("recruiter")
    keep = make_candidate(me, "Mo Example", email="mo@example.com")
    db.session.commit()
    for other, message in (
        ("abc", "Give the number of the candidate"),
        ("999999", "There is no candidate #999999"),
        (str(keep.id), "cannot be merged with itself"),
    ):
        response = client.get(f"/candidates/{keep.id}/merge?other={other}")
        assert response.status_code == 422
        page = response.get_data(as_text=True)
        assert message in page and 'name="other"' in page, other
    token = csrf_token(client, f"/candidates/{keep.id}")
    posted = client.post(
        f"/candidates/{keep.id}/merge", data={"csrf_token": token, "other_id": "999999"}
    )
    assert posted.status_code == 422 and "There is no candidate" in posted.get_data(as_text=True)


def test_duplicates_are_offered_on_the_candidate_page_not_merged(client, login_as):
    me = login_as("recruiter")
    first = make_candidate(me, "Noor Example", email="noor@example.com")
    second = make_candidate(me, "Noor E.", email="noor@example.com")
    lone = make_candidate(me, "Pia Example", email="pia@example.com")
    first_id, second_id, lone_id = first.id, second.id, lone.id
    page = client.get(f"/candidates/{first_id}").get_data(as_text=True)
    assert f"/candidates/{first_id}/merge?other={second_id}" in page
    assert "duplicate-suggestion" not in client.get(f"/candidates/{lone_id}").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Candidate, second_id) is not None  # offered, never applied


def test_api_merge_with_field_choices(client, api_token):
    me, headers = api_token("recruiter")
    keep = make_candidate(me, "Ola Example", email="ola@example.com")
    dupe = make_candidate(me, "Ola B. Example", email="ola.b@example.com")
    db.session.commit()
    keep_id, dupe_id = keep.id, dupe.id
    bad = client.post(
        f"/api/v1/candidates/{keep_id}/merge",
        json={"source_id": dupe_id, "keep": {"name": "nobody"}},
        headers=headers,
    )
    assert bad.status_code == 422
    done = client.post(
        f"/api/v1/candidates/{keep_id}/merge",
        json={"source_id": dupe_id, "keep": {"name": "other"}},
        headers=headers,
    )
    assert done.status_code == 200 and done.get_json()["name"] == "Ola B. Example"


def test_api_merge_preview_shows_both_records_and_changes_nothing(client, api_token):
    me, headers = api_token("recruiter")
    keep = make_candidate(me, "Quin Example", email="quin@example.com")
    dupe = make_candidate(me, "Quin B. Example", email="quin.b@example.com")
    keep_id, dupe_id = keep.id, dupe.id
    url = f"/api/v1/candidates/{keep_id}/merge-preview"
    body = client.get(f"{url}?other={dupe_id}", headers=headers).get_json()
    assert body["this"]["name"] == "Quin Example" and body["other"]["name"] == "Quin B. Example"
    assert body["fields"] == ["name", "email", "phone", "source", "links"]
    assert body["other"]["applications"] == [] and body["other"]["notes"] == 0
    assert db.session.get(Candidate, dupe_id) is not None
    same = client.get(f"{url}?other={keep_id}", headers=headers)
    assert same.status_code == 422 and "itself" in str(same.get_json())
    unknown = client.get(f"{url}?other=999999", headers=headers)
    assert unknown.status_code == 422
    missing = client.get(url, headers=headers)
    assert missing.status_code == 422


def test_api_merge_preview_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/candidates/{candidate_id}/merge-preview" in spec["paths"]


def test_same_resume_file_and_near_same_name_is_offered(client, login_as):
    from hirekit.resumes.files import ResumeFile
    from hirekit.resumes.services.uploads import store_resume
    from tests.resumes.samples import text_resume

    me = login_as("recruiter")
    data = text_resume("Rae Example")
    people = [
        make_candidate(me, "Rae Example", email="rae@example.com"),
        make_candidate(me, "RAE J. EXAMPLE", email="rae.j@example.com"),
        make_candidate(me, "Sol Other", email="sol@example.com"),
    ]
    for person in people:
        store_resume(ResumeFile("cv.txt", data, "text/plain"), candidate=person, actor=me)
    db.session.commit()
    first, second, other = (p.id for p in people)
    page = client.get(f"/candidates/{first}").get_data(as_text=True)
    assert f"/candidates/{first}/merge?other={second}" in page
    assert f"merge?other={other}" not in page
