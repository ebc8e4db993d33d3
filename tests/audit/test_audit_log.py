"""The audit log: tampering named at the right entry, views audited, filters, CSV and API."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from hirekit.audit import services as audit
from hirekit.audit.models import AuditEntry
from hirekit.extensions import db
from tests.jobs.factories import make_candidate

FIELDS = {
    "id": 1000,
    "seq": 2000,
    "at": None,  # filled per entry
    "actor_id": 999,
    "actor_email": "mallory@example.com",
    "action": "user.nothing",
    "subject_type": "other",
    "subject_id": "77",
    "details": {"changed": True},
    "prev_hash": "f" * 64,
    "hash": "e" * 64,
}


def _three_entries(make_user):
    actor = make_user("admin")
    return [audit.record(f"test.{i}", actor=actor, details={"n": i}) for i in range(3)]


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_tampering_with_any_field_is_found_at_that_entry(app, runner, make_user, field):
    entries = _three_entries(make_user)
    target = entries[1]
    db.session.commit()
    value = FIELDS[field] if field != "at" else target.at.replace(year=2001)
    db.session.execute(update(AuditEntry).where(AuditEntry.id == target.id).values({field: value}))
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    named = FIELDS["id"] if field == "id" else target.id
    assert f"broken at entry {named}" in result.output


def test_an_untouched_log_verifies(app, runner, make_user):
    _three_entries(make_user)
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0, result.output


def test_redaction_keeps_the_chain_intact(app, make_user):
    actor = make_user("admin")
    audit.record("mail.sent", actor=actor, details={"to": "someone@example.org"})
    assert audit.redact_mentions(["someone@example.org"]) == 1
    db.session.commit()
    assert audit.verify().ok
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "mail.sent")).one()
    assert "someone" not in str(entry.details)


def test_candidate_page_and_api_views_are_audited(client, login_as, api_token, make_user):
    me = login_as("recruiter")
    person = make_candidate(make_user("admin"), "Viewed Person")
    assert client.get(f"/candidates/{person.id}").status_code == 200
    _, headers = api_token("recruiter")
    assert client.get(f"/api/v1/candidates/{person.id}", headers=headers).status_code == 200
    views = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "candidate.viewed").order_by(AuditEntry.id)
    ).all()
    assert [(v.details["what"], v.subject_id) for v in views] == [
        ("page", str(person.id)),
        ("api", str(person.id)),
    ]
    assert views[0].actor_id == me.id


def test_admin_page_filters_pages_and_csv(client, login_as, make_user):
    admin = login_as("admin")
    for i in range(60):
        audit.record("test.bulk", actor=admin, subject_type="thing", subject_id=i)
    audit.record("test.other", actor=admin, subject_type="thing", subject_id=5)
    db.session.commit()
    page = client.get("/admin/audit?action=test.bulk").get_data(as_text=True)
    assert "60 matching entries; page 1 of 2" in page
    assert "test.other" not in page
    one = client.get("/admin/audit?subject_type=thing&subject_id=5").get_data(as_text=True)
    assert "2 matching entries" in one
    none = client.get("/admin/audit?since=2001-01-01&until=2001-12-31").get_data(as_text=True)
    assert "0 matching entries" in none
    csv = client.get("/admin/audit.csv?action=test.").get_data(as_text=True)
    assert csv.count("\r\n") == 62  # header and 61 rows: "test." is a prefix


def test_api_lists_entries_for_admins(client, api_token):
    admin, headers = api_token("admin")
    audit.record("test.api", actor=admin, subject_type="thing", subject_id=1)
    db.session.commit()
    response = client.get("/api/v1/audit?action=test.api", headers=headers)
    assert response.status_code == 200
    assert response.headers["X-Total-Count"] == "1"
    assert response.get_json()[0]["actor_email"] == admin.email
    _, other = api_token("recruiter")
    assert client.get("/api/v1/audit", headers=other).status_code == 403
