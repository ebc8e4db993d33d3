"""Deleting a candidate removes every trace of them, keeps anonymous outcomes, and is audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Candidate
from hirekit.errors import Forbidden
from hirekit.extensions import db
from hirekit.privacy.deletion import delete_candidate
from hirekit.privacy.models import AnonymousOutcome
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
