"""Stage kinds: the one-time guess in the migration, the editor's rules, and removing a
stage that holds candidates by moving them first, audited, all or nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from hirekit.audit.models import AuditEntry
from hirekit.candidates.choices import EventType
from hirekit.candidates.models import Application, Event
from hirekit.candidates.services import applications as pipeline
from hirekit.errors import ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.jobs.services.stages import StageSpec, edit_stages
from tests.conftest import csrf_token
from tests.jobs.factories import make_application, make_job

MIGRATION = (
    Path(__file__).parents[2] / "src/hirekit/migrations/versions/5d7e0b1c9a42_stage_kinds.py"
)


def _migration():
    spec = importlib.util.spec_from_file_location("stage_kinds_migration", MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "last", "kind"),
    [
        ("Hired", True, "hired"),
        ("Contratado", True, "hired"),
        ("Job offer", False, "offer"),
        ("OFFER call", False, "offer"),
        ("Tech interview", False, "interview"),
        ("Phone screen", False, "interview"),
        ("Rejected", False, "rejected"),
        ("Proposta", False, "active"),
        ("Applied", False, "active"),
    ],
)
def test_the_one_time_guess(name, last, kind):
    assert _migration().guessed_kind(name, last) == kind


def test_the_migration_gives_existing_stages_a_kind_once(app, make_user):
    user = make_user("admin")
    job = make_job(user)
    other = make_job(user, title="Second job")
    job_id, other_id = job.id, other.id
    db.session.commit()
    db.session.remove()
    downgrade(revision="7c1a0e0d0016")
    names = ["Applied", "Job offer", "Phone screen", "Rejected pile", "Onboarding", "Contratado"]
    with db.engine.begin() as conn:
        ids = conn.execute(
            text("SELECT id FROM stages WHERE job_id = :j ORDER BY position"), {"j": job_id}
        ).scalars()
        for stage_id, name in zip(list(ids), names, strict=True):
            conn.execute(
                text("UPDATE stages SET name = :n WHERE id = :i"), {"n": name, "i": stage_id}
            )
    upgrade()
    with db.engine.connect() as conn:
        kinds = conn.execute(
            text("SELECT job_id, name, kind FROM stages ORDER BY job_id, position")
        ).all()
    assert [(n, k) for j, n, k in kinds if j == job_id] == [
        ("Applied", "active"),
        ("Job offer", "offer"),
        ("Phone screen", "interview"),
        ("Rejected pile", "rejected"),
        ("Onboarding", "active"),
        ("Contratado", "hired"),
    ]
    assert [k for j, _, k in kinds if j == other_id] == [
        "active", "interview", "active", "interview", "offer", "hired",
    ]  # fmt: skip


def _specs(job, **changes):
    return [StageSpec(s.name, changes.get(s.name, s.kind), s.id) for s in job.stages]


def test_renaming_a_stage_that_holds_candidates_keeps_them_and_its_kind_decides(db, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    application = make_application(user, job)
    applied = job.stages[0]
    wanted = _specs(job)
    wanted[0] = StageSpec("Candidatura", "active", applied.id)
    wanted[-1] = StageSpec("Contratado", "hired", job.stages[-1].id)
    edit_stages(job, wanted, actor=user)
    db.session.commit()
    assert application.stage.name == "Candidatura" and application.stage_id == applied.id
    pipeline.move(application, job.hire_stage, actor=user)
    assert application.status == "hired"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"Offer": "hired"}, "exactly one stage of kind hired"),
        ({"Hired": "active"}, "exactly one stage of kind hired"),
        ({"Applied": "offer"}, "the first stage"),
        ({"Applied": "maybe"}, "one of"),
    ],
)
def test_the_pipeline_rules(db, make_user, change, problem):
    user = make_user("recruiter")
    job = make_job(user)
    with pytest.raises(ValidationFailed) as caught:
        edit_stages(job, _specs(job, **change), actor=user)
    assert problem in caught.value.details["kind"]


def test_ids_of_another_job_are_refused(db, make_user):
    user = make_user("recruiter")
    job, other = make_job(user), make_job(user, title="Other")
    wanted = _specs(job)
    wanted[1] = StageSpec("Stolen", "active", other.stages[1].id)
    with pytest.raises(ValidationFailed) as caught:
        edit_stages(job, wanted, actor=user)
    assert "id" in caught.value.details


def test_removing_a_busy_stage_moves_its_candidates_first_audited(db, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    screen, interview = job.stages[1], job.stages[3]
    active = make_application(user, job, "Ada Example")
    closed = make_application(user, job, "Bob Example")
    for application in (active, closed):
        pipeline.move(application, screen, actor=user)
    pipeline.reject(closed, "skills-mismatch", actor=user)
    db.session.commit()
    wanted = [s for s in _specs(job) if s.id != screen.id]
    with pytest.raises(ValidationFailed):
        edit_stages(job, wanted, actor=user)
    db.session.rollback()
    edit_stages(job, wanted, actor=user, relocate={screen.id: interview.id})
    db.session.commit()
    db.session.expire_all()
    assert [s.name for s in db.session.get(Job, job.id).stages] == [
        "Applied", "Take-home", "Interview", "Offer", "Hired",
    ]  # fmt: skip
    active, closed = db.session.get(Application, active.id), db.session.get(Application, closed.id)
    assert (active.stage.name, active.status) == ("Interview", "active")
    assert (closed.stage.name, closed.status) == ("Interview", "rejected")
    last_move = db.session.scalars(
        select(Event)
        .where(Event.application_id == active.id, Event.type == EventType.MOVED.value)
        .order_by(Event.id.desc())
    ).first()
    assert last_move.data["from_stage"] == "Screen" and last_move.data["to_stage"] == "Interview"
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert "application.refiled" in actions
    changed = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "job.stages_changed")
    ).one()
    assert changed.details["moved"] == {"Screen": 2}


def test_a_rejected_stage_rejects_the_application(db, make_user):
    user = make_user("recruiter")
    job = make_job(user)
    application = make_application(user, job)
    wanted = _specs(job)
    wanted.insert(5, StageSpec("Not this time", "rejected"))
    edit_stages(job, wanted, actor=user)
    pipeline.move(application, job.stages[5], actor=user)
    assert application.status == "rejected"


def _editor_form(job, token):
    data = {"csrf_token": token, "rows": str(len(job.stages))}
    for i, stage in enumerate(job.stages):
        data |= {f"row-{i}-id": str(stage.id), f"row-{i}-name": stage.name}
        data |= {f"row-{i}-kind": stage.kind, f"row-{i}-order": str(i + 1)}
    return data


def test_the_editor_page_moves_candidates_of_a_removed_stage_in_one_go(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    application = make_application(user, job)
    applied_id, screen_id = job.stages[0].id, job.stages[1].id
    page = client.get(f"/jobs/{job.id}/stages").get_data(as_text=True)
    assert 'name="row-0-move_to"' in page and "Add a stage" in page
    data = _editor_form(job, csrf_token(client, f"/jobs/{job.id}/stages"))
    # Removing "Applied" while it holds a candidate and naming nowhere to go: refused,
    # and nothing else in the same form is saved either.
    refused = client.post(
        f"/jobs/{job.id}/stages",
        data={**data, "row-0-remove": "1", "row-1-kind": "active", "row-3-order": "1"},
    )
    assert refused.status_code == 422
    assert "choose a stage to move them to" in refused.get_data(as_text=True)
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert job.stages[0].id == applied_id and job.stages[1].kind == "interview"
    moved = client.post(
        f"/jobs/{job.id}/stages",
        data={**data, "row-0-remove": "1", "row-0-move_to": str(screen_id)},
    )
    assert moved.status_code == 302
    db.session.expire_all()
    assert db.session.get(Application, application.id).stage_id == screen_id
    bad_order = client.post(f"/jobs/{job.id}/stages", data={**data, "row-1-order": "first"})
    assert bad_order.status_code == 422
    assert "a whole number for the order" in bad_order.get_data(as_text=True)
