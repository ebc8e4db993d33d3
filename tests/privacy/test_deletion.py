"""Deleting a candidate removes every trace of them, keeps anonymous outcomes, and is audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Candidate
from hirekit.errors import Forbidden
from hirekit.extensions import db
from hirekit.privacy.models import AnonymousOutcome
from hirekit.privacy.services import delete_candidate
from hirekit.queue.runner import drain
from tests.privacy.people import make_person
from tests.privacy.scan import database_hits, file_hits


def test_the_person_is_everywhere_before_deletion(app, make_user):
    person = make_person(make_user("admin"))
    tables = {t for t, _c, _n in database_hits(person.needles)}
    assert {"candidates", "notes", "search_documents", "outbox_messages"} <= tables
    assert file_hits(Path(app.config["UPLOAD_DIR"]), [person.marker])


def test_deletion_leaves_no_trace_in_any_table_or_file(app, make_user):
    admin = make_user("admin")
    person = make_person(admin)
    done = delete_candidate(person.id, actor=admin)
    db.session.commit()
    drain()  # the queued index purge
    assert done.files >= 2
    assert database_hits(person.needles) == []
    assert file_hits(Path(app.config["UPLOAD_DIR"]), person.needles) == []
    assert db.session.get(Candidate, person.id) is None


def test_anonymous_outcomes_survive_for_reports(app, make_user):
    admin = make_user("admin")
    person = make_person(admin)
    delete_candidate(person.id, actor=admin)
    db.session.commit()
    outcome = db.session.scalars(select(AnonymousOutcome)).one()
    assert outcome.job_id == person.job_id
    assert outcome.stage_position == 1
    assert outcome.outcome == "active"
    assert outcome.erased_by == "request"


def test_deletion_is_audited_without_personal_data(app, make_user):
    admin = make_user("admin")
    person = make_person(admin)
    delete_candidate(person.id, actor=admin)
    db.session.commit()
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "candidate.deleted")
    ).one()
    assert entry.actor_id == admin.id
    assert entry.subject_id == str(person.id)
    assert entry.details["rows"]["candidates"] == 1
    assert not any(n.lower() in str(entry.details).lower() for n in person.needles)


@pytest.mark.parametrize("role", ["recruiter", "hiring_manager", "interviewer"])
def test_only_admins_delete(app, make_user, role):
    person = make_person(make_user("admin"))
    with pytest.raises(Forbidden):
        delete_candidate(person.id, actor=make_user(role))
    assert db.session.get(Candidate, person.id) is not None


def test_file_names_made_from_the_name_leave_with_the_person(app, make_user):
    admin = make_user("admin")
    person = make_person(admin)
    files = ["zelda-cv", "zelda.zip"]
    delete_candidate(person.id, actor=admin)
    db.session.commit()
    drain()
    assert database_hits(files) == []


def test_older_audit_entries_quoting_a_file_name_are_redacted(app, make_user):
    from hirekit.audit import services as audit

    admin = make_user("admin")
    person = make_person(admin)
    # As entries were written before they stopped quoting file names.
    about = {"subject_type": "candidate", "subject_id": person.id}
    audit.record("resume.uploaded", actor=admin, details={"file": "zelda-cv.txt"}, **about)
    # The same (generic) file name in an entry about someone else is theirs: it stays.
    other = {"subject_type": "candidate", "subject_id": person.id + 1000}
    kept = audit.record("resume.uploaded", actor=admin, details={"file": "zelda-cv.txt"}, **other)
    db.session.commit()
    delete_candidate(person.id, actor=admin)
    db.session.commit()
    hits = database_hits(["zelda-cv"])
    assert hits == [("audit_entries", "details", "zelda-cv")]
    assert db.session.get(AuditEntry, kept.id).details == {"file": "zelda-cv.txt"}
    assert audit.verify().ok


def test_their_upcoming_interviews_are_cancelled_in_the_panels_calendars(app, make_user):
    from hirekit.interviews.models import Interview
    from hirekit.mail.models import OutboxMessage
    from hirekit.storage import file_store

    admin = make_user("admin")
    person = make_person(admin)
    interview = db.session.scalars(
        select(Interview).where(Interview.candidate_id == person.id)
    ).one()
    uid = interview.uid
    done = delete_candidate(person.id, actor=admin)
    db.session.commit()
    drain()
    assert done.counts["interviews_cancelled"] == 1
    [message] = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.to_addr == admin.email)
    ).all()
    assert message.subject.startswith("Cancelled: Tech")
    [attachment] = message.attachments
    ics = file_store().path(attachment["key"]).read_text()
    assert "METHOD:CANCEL" in ics
    assert f"UID:{uid}@hirekit" in ics
    assert database_hits(person.needles) == []


def test_ids_are_never_handed_to_the_next_candidate(app, make_user):
    from hirekit.candidates.services.candidates import CandidateFields, create_candidate

    admin = make_user("admin")
    person = make_person(admin)
    delete_candidate(person.id, actor=admin)
    db.session.commit()
    after = create_candidate(CandidateFields(name="Next Person"), actor=admin)
    db.session.commit()
    assert after.id > person.id
