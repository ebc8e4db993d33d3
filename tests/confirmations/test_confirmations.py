"""Destructive pages act only on a second, confirmed post; a bulk reject can be undone."""

from __future__ import annotations

from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application
from hirekit.extensions import db
from hirekit.integrations import services
from hirekit.integrations.models import WebhookSubscription
from hirekit.interviews.services import kits
from hirekit.jobs.models import Job
from tests.conftest import csrf_token
from tests.jobs.factories import make_application, make_job


def _statuses(ids):
    db.session.expire_all()
    return [db.session.get(Application, i).status for i in ids]


def test_closing_a_job_asks_first(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    token = csrf_token(client, f"/jobs/{job.id}")
    client.post(f"/jobs/{job.id}/state", data={"state": "open", "csrf_token": token})
    asked = client.post(f"/jobs/{job.id}/state", data={"state": "closed", "csrf_token": token})
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert f"Close {job.title}?" in page and 'name="confirm" value="yes"' in page
    assert 'name="state" value="closed"' in page
    db.session.expire_all()
    assert db.session.get(Job, job.id).state == "open"
    done = client.post(
        f"/jobs/{job.id}/state", data={"state": "closed", "csrf_token": token, "confirm": "yes"}
    )
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(Job, job.id).state == "closed"


def test_pausing_a_job_needs_no_confirmation(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    token = csrf_token(client, f"/jobs/{job.id}")
    client.post(f"/jobs/{job.id}/state", data={"state": "open", "csrf_token": token})
    paused = client.post(f"/jobs/{job.id}/state", data={"state": "paused", "csrf_token": token})
    assert paused.status_code == 302
    db.session.expire_all()
    assert db.session.get(Job, job.id).state == "paused"


def test_deleting_a_webhook_asks_first(client, login_as):
    admin = login_as("admin")
    made = services.create_subscription(
        "https://hooks.example.com/in", ["application.hired"], actor=admin
    )
    db.session.commit()
    sid = made.subscription.id
    token = csrf_token(client, "/admin/webhooks")
    assert "data-confirm=" in client.get("/admin/webhooks").get_data(as_text=True)
    asked = client.post(f"/admin/webhooks/{sid}/delete", data={"csrf_token": token})
    assert asked.status_code == 200
    assert "Delete this webhook?" in asked.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(WebhookSubscription, sid) is not None
    done = client.post(
        f"/admin/webhooks/{sid}/delete", data={"csrf_token": token, "confirm": "yes"}
    )
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(WebhookSubscription, sid) is None


def test_bulk_reject_asks_then_can_be_undone(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    apps = [make_application(user, job, f"Person{i} Example") for i in range(4)]
    ids = [a.id for a in apps]
    token = csrf_token(client, f"/jobs/{job.id}/board")
    # One was already rejected by hand: the undo must leave it rejected.
    client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": "reject:position-filled",
            "application_ids": ids[3:],
            "csrf_token": token,
            "confirm": "yes",
        },
    )
    client.post(f"/jobs/{job.id}/board/undo", data={"csrf_token": token})
    client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": "reject:position-filled",
            "application_ids": ids[3:],
            "csrf_token": token,
            "confirm": "yes",
        },
    )
    chosen = {"action": "reject:skills-mismatch", "application_ids": ids[1:], "csrf_token": token}
    asked = client.post(f"/jobs/{job.id}/board/bulk", data=chosen)
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert "Reject 3 candidate(s)?" in page and "Person1 Example" in page
    assert "Person0 Example" not in page
    assert page.count('name="application_ids"') == 3
    assert _statuses(ids) == ["active", "active", "active", "rejected"]
    client.post(f"/jobs/{job.id}/board/bulk", data={**chosen, "confirm": "yes"})
    assert _statuses(ids) == ["active", "rejected", "rejected", "rejected"]
    board = client.get(f"/jobs/{job.id}/board").get_data(as_text=True)
    assert "2 candidate(s) rejected in bulk." in board and ">Undo</button>" in board
    undone = client.post(
        f"/jobs/{job.id}/board/undo", data={"csrf_token": token}, follow_redirects=True
    )
    assert "Undone for 2 candidate(s)." in undone.get_data(as_text=True)
    assert _statuses(ids) == ["active", "active", "active", "rejected"]
    db.session.expire_all()
    assert [db.session.get(Application, i).reject_reason for i in ids[1:3]] == ["", ""]
    audited = db.session.scalars(
        select(AuditEntry.subject_id).where(AuditEntry.action == "application.bulk_undone")
    ).all()
    assert sorted(int(i) for i in audited) == [ids[1], ids[2], ids[3]]  # 1st undo: the 4th
    again = client.post(
        f"/jobs/{job.id}/board/undo", data={"csrf_token": token}, follow_redirects=True
    )
    assert "Nothing to undo." in again.get_data(as_text=True)
    assert _statuses(ids) == ["active", "active", "active", "rejected"]


def test_undo_leaves_an_application_moved_since(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    apps = [make_application(user, job, f"Person{i} Example") for i in range(2)]
    ids = [a.id for a in apps]
    token = csrf_token(client, f"/jobs/{job.id}/board")
    client.post(
        f"/jobs/{job.id}/board/bulk",
        data={"action": "withdraw", "application_ids": ids, "csrf_token": token, "confirm": "yes"},
    )
    assert _statuses(ids) == ["withdrawn", "withdrawn"]
    screen = job.stages[1]
    client.post(
        f"/applications/{ids[0]}/move",
        data={"action": f"stage:{screen.id}", "csrf_token": token},
    )
    page = client.post(
        f"/jobs/{job.id}/board/undo", data={"csrf_token": token}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Undone for 1 candidate(s)." in page
    assert "1 candidate(s) changed since" in page
    db.session.expire_all()
    first = db.session.get(Application, ids[0])
    assert (first.status, first.stage_id) == ("active", screen.id)
    assert _statuses(ids) == ["active", "active"]


def test_bulk_moves_and_tags_need_no_confirmation(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    app = make_application(user, job, "Kai Example")
    token = csrf_token(client, f"/jobs/{job.id}/board")
    moved = client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": f"stage:{job.stages[1].id}",
            "application_ids": [app.id],
            "csrf_token": token,
        },
    )
    assert moved.status_code == 302
    db.session.expire_all()
    assert db.session.get(Application, app.id).stage_id == job.stages[1].id
    assert ">Undo</button>" not in client.get(f"/jobs/{job.id}/board").get_data(as_text=True)


def test_regenerating_a_kit_asks_first(client, login_as):
    admin = login_as("admin")
    job = make_job(admin)
    kit = kits.get_kit(job.id, admin)
    full = len(kit.questions)
    kits.remove_question(job.id, kit.questions[0].id, actor=admin)
    db.session.commit()
    token = csrf_token(client, f"/jobs/{job.id}/kit")
    asked = client.post(f"/jobs/{job.id}/kit/regenerate", data={"csrf_token": token})
    assert asked.status_code == 200
    assert "Regenerate the interview kit?" in asked.get_data(as_text=True)
    db.session.expire_all()
    assert len(kits.get_kit(job.id, admin).questions) == full - 1
    done = client.post(
        f"/jobs/{job.id}/kit/regenerate", data={"csrf_token": token, "confirm": "yes"}
    )
    assert done.status_code == 302
    db.session.expire_all()
    assert len(kits.get_kit(job.id, admin).questions) == full
