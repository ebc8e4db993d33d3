"""Assignment services: versions, archive checks, deadlines, the hidden-tests hook."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.db import utcnow
from hirekit.errors import Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.storage import file_store
from hirekit.takehomes import candidate_page
from hirekit.takehomes.services import assignments, invitations
from hirekit.takehomes.services.assignments import AssignmentFiles
from hirekit.takehomes.services.invitations import token_for
from tests.archive_bombs import deflate_zeros_zip
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, tar_gz_bytes, traversal_zip, zip_bytes
from tests.takehomes.assignment_data import HIDDEN, fields, files, upload


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


@pytest.fixture
def job(recruiter):
    return make_job(recruiter, title="Flask API developer")


def test_create_stores_the_first_version_with_its_files(app, recruiter, job):
    assignment = assignments.create_assignment(job.id, fields(), files(), actor=recruiter)
    db.session.commit()
    version = assignment.current
    assert (version.number, version.title, version.deadline_days) == (
        1,
        "Build a small REST API",
        5,
    )
    assert version.requirements == "flask==3.1.3\npytest==9.2.0\n"
    assert file_store().path(version.starter_key).is_file()
    assert version.hidden_tests_key.startswith("assignment-hidden-tests/")
    assert version.starter_size > 0 and len(version.hidden_tests_sha256) == 64
    audited = db.session.scalars(select(AuditEntry.action)).all()
    assert "assignment.created" in audited


def test_editing_adds_a_version_and_never_changes_the_old_one(app, recruiter, job):
    assignment = assignments.create_assignment(job.id, fields(), files(), actor=recruiter)
    db.session.commit()
    first = assignment.current
    first_state = (first.title, first.brief, first.starter_key, first.hidden_tests_key)
    second = assignments.new_version(
        assignment.id,
        fields(title="Build a bigger REST API", deadline_days=9),
        AssignmentFiles(starter=upload(zip_bytes({"NEW.md": "new"}), "new.zip")),
        actor=recruiter,
    )
    db.session.commit()
    db.session.refresh(first)
    assert (first.title, first.brief, first.starter_key, first.hidden_tests_key) == first_state
    assert second.number == 2 and assignment.current.id == second.id
    assert second.starter_key != first.starter_key  # replaced
    assert second.hidden_tests_key == first.hidden_tests_key  # kept
    assert file_store().path(first.starter_key).is_file()  # the old version's file stays
    third = assignments.new_version(
        assignment.id, fields(), AssignmentFiles(remove_hidden_tests=True), actor=recruiter
    )
    assert third.number == 3 and third.hidden_tests_key is None
    assert [v.number for v in assignment.versions] == [1, 2, 3]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"use_case": "blockchain"}, "use_case"),
        ({"expected_hours": 0.1}, "expected_hours"),
        ({"expected_hours": 41.0}, "expected_hours"),
        ({"deadline_days": 0}, "deadline_days"),
        ({"deadline_days": 61}, "deadline_days"),
        ({"brief": "x" * 20_001}, "brief"),
        ({"requirements": "flask>=3"}, "requirements"),
        ({"requirements": "--index-url https://evil.example/simple\nflask==3.1.3"}, "requirements"),
        ({"requirements": "-e git+https://example.com/x.git"}, "requirements"),
    ],
)
def test_bad_fields_are_named(app, recruiter, job, changes, field):
    with pytest.raises(ValidationFailed) as caught:
        assignments.create_assignment(job.id, fields(**changes), files(), actor=recruiter)
    assert field in caught.value.details


@pytest.mark.parametrize(
    ("data", "kind", "expected"),
    [
        (b"just some text, not an archive", "starter", "not a .zip, .tar or .tar.gz"),
        (traversal_zip(), "starter", "escapes the archive"),
        (deflate_zeros_zip(1, 3_000_000), "starter", "zip bomb"),
        (zip_bytes({"app.py": "print(1)\n"}), "hidden_tests", "no pytest file"),
        (traversal_zip(), "hidden_tests", "escapes the archive"),
    ],
    ids=["not-an-archive", "traversal", "zip-bomb", "no-tests", "hidden-traversal"],
)
def test_refused_archives_are_explained_and_not_kept(app, recruiter, job, data, kind, expected):
    chosen = AssignmentFiles(**{kind: upload(data)})
    with pytest.raises(ValidationFailed) as caught:
        assignments.create_assignment(job.id, fields(), chosen, actor=recruiter)
    assert expected in caught.value.message
    assert kind in caught.value.details
    root = file_store().path("x").parent
    assert not list(root.glob("assignment-*/*/*"))  # nothing of the refused archive stays


def test_an_archive_over_the_size_limit_is_refused(app, recruiter, job):
    app.config["REVIEW_MAX_ARCHIVE_MB"] = 0.001  # about 1 KB
    big = zip_bytes({f"f{i}.py": "x = 1\n" * 50 for i in range(20)})
    with pytest.raises(ValidationFailed) as caught:
        assignments.create_assignment(
            job.id, fields(), AssignmentFiles(starter=upload(big)), actor=recruiter
        )
    assert "larger than" in caught.value.message


def test_interviewers_cannot_edit_and_other_teams_cannot_see(app, make_user, recruiter, job):
    with pytest.raises(Forbidden):
        assignments.create_assignment(job.id, fields(), files(), actor=make_user("interviewer"))
    secret = make_job(recruiter, title="Confidential", confidential=True)
    assignment = assignments.create_assignment(secret.id, fields(), files(), actor=recruiter)
    db.session.commit()
    with pytest.raises(NotFound):
        assignments.get_assignment(assignment.id, make_user("hiring_manager"))


def test_sending_stores_a_concrete_deadline_per_invitation(app, recruiter, job):
    app.config["BASE_URL"] = "http://localhost"
    assignment = assignments.create_assignment(
        job.id, fields(deadline_days=3), files(), actor=recruiter
    )
    application = make_application(recruiter, job)
    before = utcnow()
    invitation = invitations.invite(
        application.id, actor=recruiter, assignment_version_id=assignment.current.id
    )
    db.session.commit()
    assert invitation.assignment_version_id == assignment.current.id
    window = invitation.expires_at - before
    assert timedelta(days=3) <= window < timedelta(days=3, minutes=5)


def test_an_assignment_of_another_job_cannot_be_sent(app, recruiter, job):
    other = make_job(recruiter, title="Other role")
    assignment = assignments.create_assignment(other.id, fields(), files(), actor=recruiter)
    application = make_application(recruiter, job)
    with pytest.raises(ValidationFailed) as caught:
        invitations.invite(
            application.id, actor=recruiter, assignment_version_id=assignment.current.id
        )
    assert "assignment_version_id" in caught.value.details


def _sent(app, recruiter, job, **field_changes):
    app.config["BASE_URL"] = "http://localhost"
    assignment = assignments.create_assignment(
        job.id, fields(**field_changes), files(), actor=recruiter
    )
    application = make_application(recruiter, job)
    invitation = invitations.invite(
        application.id, actor=recruiter, assignment_version_id=assignment.current.id
    )
    db.session.commit()
    return assignment, invitation


def test_uploads_until_the_deadline_each_kept_the_latest_counts(app, recruiter, job):
    assignment, invitation = _sent(app, recruiter, job)
    token = token_for(invitation)
    candidate_page.upload_by_token(token, upload(zip_bytes(APP), "first.zip"))
    candidate_page.upload_by_token(token, upload(tar_gz_bytes(APP), "second.tar.gz"))
    db.session.commit()
    view = candidate_page.view_for_token(token)
    assert [s.filename for s in view.received] == ["second.tar.gz", "first.zip"]
    assert view.latest_id == view.received[0].id == invitation.submission_id
    assert {s.assignment_version_id for s in view.received} == {assignment.current.id}
    assert assignments.latest_submission_ids(assignment.id) == {view.received[0].id}
    # A later version does not move what was submitted against the first.
    assignments.new_version(assignment.id, fields(title="v2"), AssignmentFiles(), actor=recruiter)
    db.session.commit()
    assert view.received[0].assignment_version.number == 1


def test_after_the_deadline_uploads_are_refused_and_the_list_stays(app, recruiter, job):
    _assignment, invitation = _sent(app, recruiter, job)
    token = token_for(invitation)
    candidate_page.upload_by_token(token, upload(zip_bytes(APP), "early.zip"))
    invitation.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    with pytest.raises(candidate_page.DeadlinePassed) as caught:
        candidate_page.upload_by_token(token, upload(zip_bytes(APP), "late.zip"))
    assert "deadline" in caught.value.message
    view = candidate_page.view_for_token(token)
    assert not view.accepting
    assert [s.filename for s in view.received] == ["early.zip"]


def test_a_refused_candidate_archive_is_explained_and_not_kept(app, recruiter, job):
    _assignment, invitation = _sent(app, recruiter, job)
    with pytest.raises(ValidationFailed) as caught:
        candidate_page.upload_by_token(token_for(invitation), upload(traversal_zip()))
    assert caught.value.message.startswith("That archive was refused:")
    assert candidate_page.received(invitation) == []


def test_the_hidden_tests_hook(app, recruiter, job):
    assignment, invitation = _sent(app, recruiter, job)
    token = token_for(invitation)
    candidate_page.upload_by_token(token, upload(zip_bytes(APP)))
    db.session.commit()
    submission = candidate_page.received(invitation)[0]
    hidden = assignments.hidden_tests_for(submission)
    assert hidden is not None
    assert hidden.archive.is_file() and hidden.archive.read_bytes().startswith(b"PK")
    assert hidden.requirements == "flask==3.1.3\npytest==9.2.0\n"
    assert hidden.assignment_version_id == assignment.current.id
    assert next(iter(HIDDEN)).encode() in hidden.archive.read_bytes()
    # Without hidden tests (or without an assignment) there is nothing to run.
    quick = upload(zip_bytes(APP))
    from hirekit.takehomes.services.submissions import submit

    plain = submit(quick, actor=recruiter)
    assert assignments.hidden_tests_for(plain) is None
    assignments.new_version(
        assignment.id, fields(), AssignmentFiles(remove_hidden_tests=True), actor=recruiter
    )
    second = invitations.invite(
        invitation.application_id, actor=recruiter, assignment_version_id=assignment.current.id
    )
    candidate_page.upload_by_token(token_for(second), upload(zip_bytes(APP)))
    assert assignments.hidden_tests_for(candidate_page.received(second)[0]) is None
