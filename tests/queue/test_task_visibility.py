"""The background-job list shows a confidential job's work only to its team and admins."""

from __future__ import annotations

import io

from hirekit.candidates.services import applications
from hirekit.extensions import db
from hirekit.mail.services.outbox import send_mail
from hirekit.queue.models import BackgroundJob
from hirekit.resumes.services.uploads import Upload, upload_for_candidate
from tests.conftest import login
from tests.jobs.factories import make_candidate, make_job

RESUME = b"Zelda Quarkington\nzelda.quark@example.org\nFlask developer, pytest, SQLAlchemy.\n"


def _secret_work(make_user):
    admin = make_user("admin")
    insider, outsider = make_user("recruiter"), make_user("recruiter")
    secret = make_job(
        admin, title="Secret payments rewrite", confidential=True, recruiter_ids=[insider.id]
    )
    person = make_candidate(admin, "Zelda Quarkington", email="zelda.quark@example.org")
    applications.apply(person, secret, actor=admin)
    db.session.commit()
    upload = Upload("Zelda_Quarkington_CV.txt", io.BytesIO(RESUME))
    resume = upload_for_candidate(person.id, upload, actor=admin)
    application = person.applications[0]
    message = send_mail(
        person.email, "Hello", "Dear Zelda", candidate_id=person.id, application_id=application.id
    )
    db.session.commit()
    return admin, insider, outsider, [resume.background_job_id, message.background_job_id]


def _tokened(client, user):
    from hirekit.accounts import services

    issued = services.create_token(user, "t")
    db.session.commit()
    return {"Authorization": f"Bearer {issued.secret}"}


def test_labels_name_no_person_no_file_and_no_job(app, make_user):
    *_, task_ids = _secret_work(make_user)
    labels = [db.session.get(BackgroundJob, i).label for i in task_ids]
    assert labels == ["Resume screening", "Email delivery"]


def test_outsiders_do_not_see_a_confidential_jobs_tasks(app, make_user):
    _admin, _insider, outsider, task_ids = _secret_work(make_user)
    client = app.test_client()
    login(client, outsider.email)
    dashboard = client.get("/dashboard").get_data(as_text=True)
    for task_id in task_ids:
        assert f"/tasks/{task_id}" not in dashboard
        assert client.get(f"/tasks/{task_id}").status_code == 404
        assert client.get(f"/tasks/{task_id}/status").status_code == 404
    # Neither listed nor counted (both are still queued: no worker ran).
    assert '<span class="figure">0</span> Background jobs waiting or running' in dashboard
    headers = _tokened(client, outsider)
    for task_id in task_ids:
        answer = client.get(f"/api/v1/tasks/{task_id}", headers=headers)
        assert answer.status_code == 404
        assert "zelda" not in answer.get_data(as_text=True).lower()


def test_the_team_and_admins_do(app, make_user):
    admin, insider, _outsider, task_ids = _secret_work(make_user)
    for user in (insider, admin):
        client = app.test_client()
        login(client, user.email)
        dashboard = client.get("/dashboard").get_data(as_text=True)
        headers = _tokened(client, user)
        assert '<span class="figure">2</span> Background jobs waiting or running' in dashboard
        for task_id in task_ids:
            assert f"/tasks/{task_id}" in dashboard
            assert client.get(f"/tasks/{task_id}").status_code == 200
            assert client.get(f"/api/v1/tasks/{task_id}", headers=headers).status_code == 200
