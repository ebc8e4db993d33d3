"""Candidate pages: create with the duplicate check, edit, notes, search, merge, JSON export."""

from __future__ import annotations

import json

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application, Candidate, Event, Note
from hirekit.extensions import db
from tests.conftest import csrf_token
from tests.jobs.factories import make_application, make_candidate, make_job


def _count(model):
    return db.session.scalar(db.select(db.func.count(model.id)))


def test_create_candidate_with_note_and_application(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    token = csrf_token(client, "/candidates/new")
    response = client.post(
        "/candidates/new",
        data={
            "name": "  Bea   Example ",
            "email": "Bea@Example.com",
            "phone": "+33 6 12 34 56 78",
            "links": "https://github.com/bea-example\n",
            "tags": "Flask, SQLAlchemy , flask",
            "source": "referral",
            "job_id": str(job.id),
            "note": "Met at the Lyon Python meetup.",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    person = db.session.scalars(db.select(Candidate)).one()
    assert (person.name, person.email, person.phone) == (
        "Bea Example",
        "bea@example.com",
        "+33612345678",
    )
    assert person.tag_names == ["flask", "sqlalchemy"]
    assert [a.job_id for a in person.applications] == [job.id]
    assert person.applications[0].stage.name == "Applied"
    assert [n.body for n in person.notes] == ["Met at the Lyon Python meetup."]
    types = [e.type for e in db.session.scalars(db.select(Event).order_by(Event.id))]
    assert types == ["created", "note", "applied"]
    page = client.get(f"/candidates/{person.id}").get_data(as_text=True)
    assert "Met at the Lyon Python meetup." in page and job.title in page


def test_duplicates_are_caught_on_create_and_can_be_overridden(client, login_as):
    user = login_as("recruiter")
    first = make_candidate(user, "Cleo Example", email="cleo@example.com", phone="0612345678")
    token = csrf_token(client, "/candidates/new")
    base = {"csrf_token": token, "source": "", "job_id": "0"}
    by_email = client.post(
        "/candidates/new", data={**base, "name": "C. Example", "email": "CLEO@example.com"}
    )
    assert by_email.status_code == 409
    assert f"/candidates/{first.id}" in by_email.get_data(as_text=True)
    by_phone = client.post(
        "/candidates/new", data={**base, "name": "Someone", "phone": "06 12 34 56 78"}
    )
    assert by_phone.status_code == 409
    assert _count(Candidate) == 1
    anyway = client.post(
        "/candidates/new",
        data={**base, "name": "Someone", "phone": "06 12 34 56 78", "allow_duplicate": "y"},
    )
    assert anyway.status_code == 302
    assert _count(Candidate) == 2


def test_name_alone_is_not_a_duplicate_but_name_and_link_is(client, login_as):
    user = login_as("recruiter")
    make_candidate(user, "Dan Example", email="", links=["https://github.com/dan-x"])
    token = csrf_token(client, "/candidates/new")
    base = {"csrf_token": token, "source": "", "job_id": "0", "name": "dan example"}
    assert (
        client.post(
            "/candidates/new", data={**base, "links": "http://GitHub.com/dan-x/"}
        ).status_code
        == 409
    )
    assert client.post("/candidates/new", data=base).status_code == 302


def test_edit_is_on_the_timeline_and_audited(client, login_as):
    user = login_as("recruiter")
    person = make_candidate(user, "Eve Example")
    token = csrf_token(client, f"/candidates/{person.id}/edit")
    response = client.post(
        f"/candidates/{person.id}/edit",
        data={
            "name": "Eve Example",
            "email": "eve.new@example.com",
            "tags": "remote",
            "source": "",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    event = db.session.scalars(db.select(Event).where(Event.type == "updated")).one()
    assert event.data["fields"] == ["email", "tags"] and event.actor_id == user.id
    audit = db.session.scalars(
        db.select(AuditEntry).where(AuditEntry.action == "candidate.updated")
    ).one()
    assert audit.subject_id == str(person.id)


def test_search_by_text_and_filters(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    applied = make_application(user, job, "Finn Example", source="github", tags=["celery"])
    other = make_candidate(user, "Gus Example", source="referral")
    token = csrf_token(client, f"/candidates/{other.id}")
    client.post(
        f"/candidates/{other.id}/notes",
        data={"body": "Strong on SQLAlchemy 100% of the time", "csrf_token": token},
    )

    def names(query):
        page = client.get(f"/candidates/?{query}").get_data(as_text=True)
        return {n for n in ("Finn Example", "Gus Example") if n in page}

    assert names("q=sqlalchemy") == {"Gus Example"}
    assert names("q=100%25") == {"Gus Example"}
    assert names("q=finn") == {"Finn Example"}
    assert names("q=celery") == {"Finn Example"}
    assert names(f"job={job.id}") == {"Finn Example"}
    assert names(f"stage={applied.stage_id}") == {"Finn Example"}
    assert names("source=referral") == {"Gus Example"}
    assert names("tag=celery") == {"Finn Example"}
    assert names("q=nobody-matches") == set()


def test_merge_keeps_every_note_application_and_event(client, login_as):
    user = login_as("recruiter")
    rest = make_job(user, title="REST")
    micro = make_job(user, title="Micro", use_case="microservices")
    keep = make_application(user, rest, "Hana Example", tags=["flask"]).candidate
    dupe = make_application(
        user,
        micro,
        "Hana Example",
        email="hana.other@example.com",
        phone="0600000000",
        tags=["aws"],
    ).candidate
    token = csrf_token(client, f"/candidates/{keep.id}")
    for person, text in ((keep, "note on keep"), (dupe, "note on dupe")):
        client.post(f"/candidates/{person.id}/notes", data={"body": text, "csrf_token": token})
    keep_id, dupe_id = keep.id, dupe.id
    events_before = {e.id for e in db.session.scalars(db.select(Event))}
    assert "Hana Example" in client.get(f"/candidates/{keep_id}/merge?other={dupe_id}").get_data(
        as_text=True
    )
    response = client.post(
        f"/candidates/{keep_id}/merge", data={"other_id": str(dupe_id), "csrf_token": token}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, dupe_id) is None
    merged = db.session.get(Candidate, keep_id)
    assert sorted(a.job.title for a in merged.applications) == ["Micro", "REST"]
    assert sorted(n.body for n in merged.notes) == ["note on dupe", "note on keep"]
    events = db.session.scalars(db.select(Event)).all()
    assert events_before < {e.id for e in events}
    assert {e.candidate_id for e in events} == {keep_id}
    assert merged.phone == "0600000000" and merged.tag_names == ["aws", "flask"]
    assert (
        db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "candidate.merged"))
        .one()
        .details["merged"]["id"]
        == dupe_id
    )


def test_merge_of_two_applications_to_one_job_keeps_their_history(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    first = make_application(user, job, "Ivo Example")
    second = make_application(user, job, "Ivo Example", email="ivo2@example.com")
    token = csrf_token(client, f"/jobs/{job.id}/board")
    client.post(
        f"/applications/{second.id}/move",
        data={"action": f"stage:{job.stages[2].id}", "csrf_token": token},
    )
    first_id, second_id, person_id = first.id, second.id, first.candidate_id
    moved_events = {
        e.id
        for e in db.session.scalars(
            db.select(Event).where(Event.application_id.in_([first_id, second_id]))
        )
    }
    response = client.post(
        f"/candidates/{first.candidate_id}/merge",
        data={"other_id": str(second.candidate_id), "csrf_token": token},
    )
    assert response.status_code == 302
    db.session.expire_all()
    survivors = db.session.scalars(db.select(Application)).all()
    assert [a.id for a in survivors] == [second_id]  # the one further along
    assert survivors[0].candidate_id == person_id
    kept = {
        e.id for e in db.session.scalars(db.select(Event).where(Event.application_id == second_id))
    }
    assert moved_events <= kept
    merge_event = db.session.scalars(db.select(Event).where(Event.type == "merged")).one()
    assert merge_event.data["folded_applications"][0]["application_id"] == first_id


def test_json_export_has_the_whole_record(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    application = make_application(user, job, "Jo Example", tags=["flask"])
    response = client.get(f"/candidates/{application.candidate_id}/export.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    record = json.loads(response.get_data(as_text=True))
    assert record["name"] == "Jo Example" and record["tags"] == ["flask"]
    assert record["applications"][0]["stage"] == "Applied"
    assert [e["type"] for e in record["events"]] == ["created", "applied"]
    assert record["events"][1]["actor"] == user.email


def test_notes_need_text(client, login_as):
    user = login_as("recruiter")
    person = make_candidate(user)
    token = csrf_token(client, f"/candidates/{person.id}")
    response = client.post(
        f"/candidates/{person.id}/notes", data={"body": " ", "csrf_token": token}
    )
    assert response.status_code == 422
    assert _count(Note) == 0
