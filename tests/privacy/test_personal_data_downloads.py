"""Every download of personal data goes only to permitted users, as an attachment, unsniffed.

Covered: a candidate's JSON record, their privacy export (.zip), a job's
pipeline CSV, a take-home review report, an interview's calendar file and the
audit log. None of them may be cached on the way, nor opened in the page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest

from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.takehomes.services import submissions as takehomes
from tests.conftest import login
from tests.interviews.conftest import schedule_panel
from tests.jobs.factories import make_application, make_job
from tests.takehomes.archives import APP, zip_bytes


@dataclass
class World:
    owner: Any
    admin: Any
    outsider: Any  # a hiring manager, not on the confidential job's team
    interviewer: Any  # on the interview's panel only
    stranger: Any  # an interviewer on no panel
    job: Any
    candidate: Any
    submission: Any
    interview: Any


@pytest.fixture
def world(make_user) -> World:
    owner = make_user("hiring_manager", name="Hana Owner")
    interviewer = make_user("interviewer", name="Ida Panel")
    job = make_job(owner, title="Secret payments rewrite", confidential=True)
    application = make_application(owner, job, "Kai Example")
    submission = takehomes.submit(
        takehomes.Upload("kai.zip", io.BytesIO(zip_bytes(APP))),
        actor=owner,
        candidate_id=application.candidate_id,
        job_id=job.id,
    )
    db.session.commit()
    drain()
    interview = schedule_panel(owner, job, application.candidate, [interviewer])
    return World(
        owner=owner,
        admin=make_user("admin"),
        outsider=make_user("hiring_manager"),
        interviewer=interviewer,
        stranger=make_user("interviewer"),
        job=job,
        candidate=application.candidate,
        submission=submission,
        interview=interview,
    )


def _paths(w: World) -> dict[str, str]:
    return {
        "candidate": f"/candidates/{w.candidate.id}/export.json",
        "privacy": f"/candidates/{w.candidate.id}/export.zip",
        "pipeline": f"/jobs/{w.job.id}/pipeline.csv",
        "review": f"/reviews/{w.submission.id}/report.json",
        "calendar": f"/interviews/{w.interview.id}/invite.ics",
        "audit": "/admin/audit.csv",
    }


def _get_as(app, user: Any | None, path: str) -> Any:
    client = app.test_client()
    if user is not None:
        assert login(client, user.email).status_code == 302
    return client.get(path)


def _assert_download(response: Any, filename: str, content: bytes) -> None:
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and filename in disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response.headers.get("Cache-Control", "")
    assert content in response.get_data()


#: Who may fetch each download, with the filename and a piece of its content.
ALLOWED = [
    ("candidate", "owner", "candidate-", b"Kai Example"),
    ("privacy", "admin", ".zip", b"PK"),
    ("pipeline", "owner", "pipeline.csv", b"Kai Example"),
    ("review", "owner", "review-", b"{"),
    ("calendar", "interviewer", ".ics", b"BEGIN:VCALENDAR"),
    ("calendar", "owner", ".ics", b"BEGIN:VCALENDAR"),
    ("audit", "admin", "audit-log.csv", b"@example.com"),
]


@pytest.mark.parametrize(("kind", "who", "filename", "content"), ALLOWED)
def test_permitted_users_get_an_attachment_that_is_not_sniffed_nor_stored(
    app, world, kind, who, filename, content
):
    response = _get_as(app, getattr(world, who), _paths(world)[kind])
    _assert_download(response, filename, content)


#: Who may not: 403 for a missing permission, 404 where the record stays hidden.
REFUSED = [
    ("candidate", "stranger", 403),
    ("candidate", "outsider", 404),
    ("privacy", "owner", 403),
    ("pipeline", "stranger", 403),
    ("pipeline", "outsider", 404),
    ("review", "stranger", 403),
    ("review", "outsider", 404),
    ("calendar", "stranger", 403),
    ("calendar", "outsider", 404),
    ("audit", "owner", 403),
]


@pytest.mark.parametrize(("kind", "who", "status"), REFUSED)
def test_other_users_are_refused_without_the_data(app, world, kind, who, status):
    response = _get_as(app, getattr(world, who), _paths(world)[kind])
    assert response.status_code == status
    assert "attachment" not in response.headers.get("Content-Disposition", "")
    assert b"Kai Example" not in response.get_data()


@pytest.mark.parametrize(
    "kind", ["candidate", "privacy", "pipeline", "review", "calendar", "audit"]
)
def test_anonymous_visitors_are_sent_to_sign_in(app, world, kind):
    response = _get_as(app, None, _paths(world)[kind])
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
