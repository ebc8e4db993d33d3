"""Retention deletes everyone quiet past the period but the hired; export and pages."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Candidate
from hirekit.candidates.services import applications
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.privacy.services import due_for_deletion
from tests.conftest import csrf_token
from tests.jobs.factories import make_application, make_job
from tests.privacy.people import make_person

OLD = utcnow() - timedelta(days=400)


def _closed(actor, job, name, how, at):
    application = make_application(actor, job, name)
    if how == "rejected":
        applications.reject(application, "skills-mismatch", actor=actor, at=at)
    elif how == "withdrawn":
        applications.withdraw(application, actor=actor, at=at)
    db.session.commit()
    return application.candidate_id


def _age(candidate_id, at):
    candidate = db.session.get(Candidate, candidate_id)
    db.session.execute(
        Candidate.__table__.update().where(Candidate.id == candidate_id).values(updated_at=at)
    )
    from hirekit.candidates.models import Event

    db.session.execute(
        Event.__table__.update().where(Event.candidate_id == candidate.id).values(at=at)
    )
    db.session.commit()


def _hired(candidate_id):
    from hirekit.candidates.models import Application

    db.session.execute(
        Application.__table__.update()
        .where(Application.candidate_id == candidate_id)
        .values(status="hired")
    )
    db.session.commit()


def _interview_ahead(actor, job, candidate_id):
    from hirekit.interviews.models import Interview

    start = utcnow() + timedelta(days=3)
    db.session.add(
        Interview(job_id=job.id, candidate_id=candidate_id, title="Tech", starts_at=start)
    )
    db.session.commit()


def test_retention_deletes_everyone_quiet_past_the_period_but_the_hired(app, runner, make_user):
    """The careers form's promise: deleted once N days pass with no activity, unless hired."""
    actor = make_user("admin")
    job = make_job(actor)
    rejected = _closed(actor, job, "Old Rejected", "rejected", OLD)
    withdrawn = _closed(actor, job, "Old Withdrawn", "withdrawn", OLD)
    idle_active = _closed(actor, job, "Old Active", "active", None)
    recent = _closed(actor, job, "Recent Rejected", "rejected", None)
    hired = _closed(actor, job, "Old Hired", "active", None)
    awaited = _closed(actor, job, "Old Awaited", "active", None)
    _hired(hired)
    _interview_ahead(actor, job, awaited)
    for candidate_id in (rejected, withdrawn, idle_active, hired, awaited):
        _age(candidate_id, OLD)
    _, due = due_for_deletion(180)
    assert sorted(due) == sorted([rejected, withdrawn, idle_active])

    dry = runner.invoke(args=["retention", "run", "--dry-run"])
    assert dry.exit_code == 0 and "would delete 3 candidate(s)" in dry.output
    assert f"candidate #{idle_active}" in dry.output
    assert db.session.get(Candidate, idle_active) is not None

    done = runner.invoke(args=["retention", "run"])
    assert done.exit_code == 0 and "deleted 3 candidate(s)" in done.output
    db.session.expire_all()
    assert db.session.get(Candidate, idle_active) is None
    for kept in (recent, hired, awaited):
        assert db.session.get(Candidate, kept) is not None
    again = runner.invoke(args=["retention", "run"])
    assert again.exit_code == 0 and "deleted 0 candidate(s)" in again.output
    reasons = db.session.scalars(
        select(AuditEntry.details).where(AuditEntry.action == "candidate.deleted")
    ).all()
    assert [d["reason"] for d in reasons] == ["retention"] * 3


def test_the_careers_form_states_the_rule_retention_applies(app, client, make_user):
    from tests.resumes.samples import open_job

    job = open_job(make_user("recruiter"))
    page = " ".join(client.get(f"/careers/{job.id}").get_data(as_text=True).split())
    days = app.config["RETENTION_DAYS"]
    assert (
        f"We delete it once {days} days pass with no activity on it, unless you are hired" in page
    )


def test_export_zip_holds_the_json_and_the_files(client, login_as, make_user):
    admin = login_as("admin")
    person = make_person(admin)
    response = client.get(f"/candidates/{person.id}/export.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    document = json.loads(archive.read("candidate.json"))
    sections = document["sections"]
    assert sections["candidate"]["candidates"][0]["email"] == person.email
    assert {"applications", "events", "notes"} <= set(sections["candidate"])
    assert sections["resumes"]["resumes"] and sections["takehomes"]["submissions"]
    assert sections["interviews"]["interviews"] and sections["mail"]["outbox_messages"]
    names = archive.namelist()
    assert any(n.startswith("files/resumes/") for n in names)
    assert any(n.startswith("files/takehomes/") for n in names)
    resume = next(n for n in names if n.startswith("files/resumes/"))
    assert person.marker.encode() in archive.read(resume)
    exported = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "candidate.exported")
    ).one()
    assert exported.subject_id == str(person.id)


def test_deletion_page_needs_the_confirmation(client, login_as, make_user):
    login_as("admin")
    person = make_person(make_user("admin"))
    page = f"/candidates/{person.id}/privacy"
    assert "Download the export" in client.get(page).get_data(as_text=True)
    token = csrf_token(client, page)
    refused = client.post(f"/candidates/{person.id}/delete", data={"csrf_token": token})
    assert refused.status_code == 422
    assert db.session.get(Candidate, person.id) is not None
    done = client.post(
        f"/candidates/{person.id}/delete", data={"csrf_token": token, "confirm": "y"}
    )
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, person.id) is None
    assert client.get(f"/candidates/{person.id}").status_code == 404
    listing = client.get("/candidates/?q=Quarkington").get_data(as_text=True)
    assert "Quarkington" not in listing.split("</form>")[-1]


def test_api_export_and_erasure(client, api_token, make_user):
    _, headers = api_token("admin")
    person = make_person(make_user("admin"))
    document = client.get(f"/api/v1/candidates/{person.id}/privacy-export", headers=headers)
    assert document.get_json()["sections"]["candidate"]["candidates"][0]["name"] == person.name
    erased = client.post(f"/api/v1/candidates/{person.id}/erasure", headers=headers)
    assert erased.status_code == 200
    assert erased.get_json()["counts"]["candidates"] == 1
    gone = client.get(f"/api/v1/candidates/{person.id}", headers=headers)
    assert gone.status_code == 404


def test_export_holds_webhook_deliveries_audit_entries_and_task_labels(app, make_user):
    from hirekit.integrations.models import WebhookSubscription
    from hirekit.integrations.payloads import emit_application
    from hirekit.privacy.services import export_document

    admin = make_user("admin")
    db.session.add(
        WebhookSubscription(
            url="https://hooks.example.com/x", events=["application.created"], secret="s"
        )
    )
    person = make_person(admin)
    application = db.session.get(Candidate, person.id).applications[0]
    emit_application("application.created", application)
    db.session.commit()
    sections = export_document(person.id, actor=admin)["sections"]

    deliveries = sections["webhooks"]["webhook_deliveries"]
    assert len(deliveries) == 2  # the apply in make_person, and the one above
    assert all(d["payload"]["data"]["candidate"]["email"] == person.email for d in deliveries)
    actions = {e["action"] for e in sections["audit"]["audit_entries"]}
    assert {"candidate.created", "resume.uploaded", "takehome.submitted"} <= actions
    labels = {t["label"] for t in sections["tasks"]["background_jobs"]}
    assert {"Resume screening", "Take-home review", "Email delivery"} <= labels
