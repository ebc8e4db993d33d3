"""The board: columns and cards, moves without JavaScript, drag-and-drop JSON, bulk, CSV."""

from __future__ import annotations

import csv
import io

from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application, Event
from hirekit.extensions import db
from tests.conftest import csrf_token
from tests.jobs.factories import make_application, make_job


def _board(client, job):
    return client.get(f"/jobs/{job.id}/board").get_data(as_text=True)


def test_board_renders_columns_and_cards(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    make_application(user, job, "Kai Example")
    page = _board(client, job)
    for stage in ("Applied", "Screen", "Take-home", "Interview", "Offer", "Hired"):
        assert f">{stage} <span" in page
    assert "Kai Example" in page and "0 d" in page
    assert 'name="action"' in page and "Reject: No real Flask experience" in page
    assert "<script>" not in page and "style=" not in page


def test_move_without_javascript_records_who_when_from_and_to(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    application = make_application(user, job, "Lea Example")
    screen = job.stages[1]
    token = csrf_token(client, f"/jobs/{job.id}/board")
    response = client.post(
        f"/applications/{application.id}/move",
        data={"action": f"stage:{screen.id}", "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/jobs/{job.id}/board")
    db.session.expire_all()
    assert db.session.get(Application, application.id).stage_id == screen.id
    move = db.session.scalars(db.select(Event).where(Event.type == "moved")).one()
    assert move.actor_id == user.id and move.at is not None
    assert (move.data["from_stage"], move.data["to_stage"]) == ("Applied", "Screen")
    assert move.data["from_stage_id"] == job.stages[0].id and move.data["to_stage_id"] == screen.id
    audit = db.session.scalars(
        db.select(AuditEntry).where(AuditEntry.action == "application.moved")
    ).one()
    assert audit.details["to"] == "Screen"


def test_drag_and_drop_posts_the_same_form_and_gets_json(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    application = make_application(user, job)
    token = csrf_token(client, f"/jobs/{job.id}/board")
    hired = job.stages[-1]
    response = client.post(
        f"/applications/{application.id}/move",
        data={"action": f"stage:{hired.id}", "csrf_token": token},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.get_json() == {
        "id": application.id,
        "stage_id": hired.id,
        "stage": "Hired",
        "status": "hired",
    }
    again = client.post(
        f"/applications/{application.id}/move",
        data={"action": f"stage:{hired.id}", "csrf_token": token},
        headers={"Accept": "application/json"},
    )
    assert again.status_code == 409
    types = [e.type for e in db.session.scalars(db.select(Event).order_by(Event.id))]
    assert types[-2:] == ["moved", "hired"]


def test_moves_need_a_csrf_token(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    application = make_application(user, job)
    response = client.post(
        f"/applications/{application.id}/move", data={"action": f"stage:{job.stages[1].id}"}
    )
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(Application, application.id).stage_id == job.stages[0].id


def test_reject_with_reason_from_the_card_menu(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    application = make_application(user, job)
    token = csrf_token(client, f"/jobs/{job.id}/board")
    client.post(
        f"/applications/{application.id}/move",
        data={"action": "reject:take-home-quality", "csrf_token": token},
    )
    db.session.expire_all()
    rejected = db.session.get(Application, application.id)
    assert (rejected.status, rejected.reject_reason) == ("rejected", "take-home-quality")
    event = db.session.scalars(db.select(Event).where(Event.type == "rejected")).one()
    assert event.data["reason"] == "take-home-quality" and event.data["stage"] == "Applied"
    bad = client.post(
        f"/applications/{application.id}/move",
        data={"action": "reject:because", "csrf_token": token},
    )
    assert bad.status_code == 422


def test_bulk_move_reject_and_tag(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    apps = [make_application(user, job, f"Person{i} Example") for i in range(4)]
    ids = [a.id for a in apps]
    token = csrf_token(client, f"/jobs/{job.id}/board")
    interview = job.stages[3]
    moved = client.post(
        f"/jobs/{job.id}/board/bulk",
        data={"action": f"stage:{interview.id}", "application_ids": ids[:3], "csrf_token": token},
    )
    assert moved.status_code == 302
    client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": "reject:position-filled",
            "application_ids": ids[2:],
            "csrf_token": token,
            "confirm": "yes",
        },
    )
    client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": "tag",
            "tags": "Shortlist",
            "application_ids": ids[:2],
            "csrf_token": token,
        },
    )
    db.session.expire_all()
    states = [(a.stage.name, a.status) for a in (db.session.get(Application, i) for i in ids)]
    assert states == [
        ("Interview", "active"),
        ("Interview", "active"),
        ("Interview", "rejected"),
        ("Applied", "rejected"),
    ]
    tagged = [db.session.get(Application, i).candidate.tag_names for i in ids]
    assert tagged == [["shortlist"], ["shortlist"], [], []]
    skipped = client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": "withdraw",
            "application_ids": ids[2:],
            "csrf_token": token,
            "confirm": "yes",
        },
        follow_redirects=True,
    )
    assert "Skipped: The application is already rejected" in skipped.get_data(as_text=True)
    empty = client.post(
        f"/jobs/{job.id}/board/bulk", data={"action": "withdraw", "csrf_token": token}
    )
    assert empty.status_code == 422


def test_pipeline_csv_export(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    make_application(user, job, "Max Example", tags=["flask"])
    make_application(user, job, "=HYPERLINK Example", email="evil@example.com")
    response = client.get(f"/jobs/{job.id}/pipeline.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == {"Max Example", "'=HYPERLINK Example"}
    assert by_name["Max Example"]["stage"] == "Applied"
    assert by_name["Max Example"]["tags"] == "flask"
    assert by_name["Max Example"]["days_in_stage"] == "0"


def test_a_crowded_column_shows_its_first_cards_its_count_and_more_on_request(client, login_as):
    from hirekit.candidates.board import PAGE

    user = login_as("recruiter")
    job = make_job(user)
    apps = [make_application(user, job, f"Crowd{i:03d} Example") for i in range(PAGE + 3)]
    rejected = make_application(user, job, "Rex Example")
    token = csrf_token(client, f"/jobs/{job.id}/board")
    client.post(
        f"/applications/{rejected.id}/move",
        data={"action": "reject:position-filled", "csrf_token": token},
    )
    applied = job.stages[0]
    page = _board(client, job)
    # Longest waiting first: the first PAGE applicants are shown, the last three are not.
    assert f'<span class="count" data-count="{PAGE + 3}">{PAGE + 3}</span>' in page
    assert "Crowd000 Example" in page and f"Crowd{PAGE - 1:03d} Example" in page
    assert f"Crowd{PAGE:03d} Example" not in page
    assert f"({PAGE} of {PAGE + 3} shown)" in page
    # The closed column counts and shows its card too.
    assert '<span class="count" data-count="1">1</span>' in page and "Rex Example" in page
    more = f"/jobs/{job.id}/board?show_{applied.id}={PAGE * 2}"
    assert f'href="{more.replace("&", "&amp;")}#col-{applied.id}"' in page
    expanded = client.get(more).get_data(as_text=True)
    assert all(f"Crowd{i:03d} Example" in expanded for i in range(PAGE + 3))
    assert "Show more" not in expanded
    # Bulk actions still reach cards picked on the board.
    moved = client.post(
        f"/jobs/{job.id}/board/bulk",
        data={
            "action": f"stage:{job.stages[1].id}",
            "application_ids": [a.id for a in apps[:2]],
            "csrf_token": token,
        },
    )
    assert moved.status_code == 302
    assert f'<span class="count" data-count="{PAGE + 1}">{PAGE + 1}</span>' in _board(client, job)


def test_show_more_needs_a_number(client, login_as):
    user = login_as("recruiter")
    job = make_job(user)
    response = client.get(f"/jobs/{job.id}/board?show_{job.stages[0].id}=lots")
    assert response.status_code == 422
    assert "must be a number of cards" in response.get_data(as_text=True)


def _statements(client, path):
    """The SQL statements one request runs."""
    from sqlalchemy import event

    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return seen


def test_the_board_runs_as_many_statements_for_many_cards_as_for_one(client, login_as):
    from hirekit.candidates.models import ApplicationAnswer

    user = login_as("recruiter")
    small, crowded = make_job(user), make_job(user, title="Crowded")
    make_application(user, small, "Solo Example")
    apps = [make_application(user, crowded, f"Many{i:02d} Example") for i in range(12)]
    for index, application in enumerate(apps[:8]):
        application.stage_id = crowded.stages[index % 4].id
    apps[8].status = "rejected"
    db.session.add(
        ApplicationAnswer(
            application_id=apps[0].id, question="Can you work in the EU?", knocked_out=True
        )
    )
    db.session.commit()
    _statements(client, f"/jobs/{small.id}/board")  # first visit's one-off work (defaults)
    one = _statements(client, f"/jobs/{small.id}/board")
    many = _statements(client, f"/jobs/{crowded.id}/board")
    assert len(many) == len(one)
    page = client.get(f"/jobs/{crowded.id}/board").get_data(as_text=True)
    assert 'title="Can you work in the EU?">knockout</small>' in page
    assert all(f"Many{i:02d} Example" in page for i in range(12))
