"""Email templates: seeded defaults, admin edits with validation, live preview, API."""

from __future__ import annotations

from sqlalchemy import func, select

from hirekit.extensions import db
from hirekit.mail.defaults import DEFAULT_TEMPLATES
from hirekit.mail.models import MailTemplate
from hirekit.mail.services import catalog
from tests.conftest import csrf_token


def test_defaults_are_seeded_once_on_first_use(app):
    assert db.session.scalar(select(func.count(MailTemplate.id))) == 0
    keys = {t.key for t in catalog.list_templates()}
    assert keys == {t.key for t in DEFAULT_TEMPLATES}
    catalog.list_templates()
    assert db.session.scalar(select(func.count(MailTemplate.id))) == len(DEFAULT_TEMPLATES)


def test_admin_edits_a_template_and_the_edit_survives_reseeding(client, login_as):
    login_as("admin")
    path = "/admin/mail-templates/application_rejected"
    page = client.get(path).get_data(as_text=True)
    assert "Your application for {job_title}" in page and "{candidate_name}" in page
    token = csrf_token(client, path)
    response = client.post(
        path,
        data={
            "csrf_token": token,
            "subject": "About {job_title}",
            "body": "Dear {candidate_name}, no.",
            "save": "Save",
        },
    )
    assert response.status_code == 302
    catalog.ensure_defaults()
    template = catalog.get_template("application_rejected")
    assert (template.subject, template.body) == ("About {job_title}", "Dear {candidate_name}, no.")


def test_unknown_placeholders_are_refused_and_nothing_is_saved(client, login_as):
    login_as("admin")
    path = "/admin/mail-templates/application_received"
    token = csrf_token(client, path)
    response = client.post(
        path,
        data={"csrf_token": token, "subject": "Hi", "body": "Hi {salary}", "save": "Save"},
    )
    assert response.status_code == 422
    assert "unknown placeholder {salary}" in response.get_data(as_text=True)
    assert catalog.get_template("application_received").body == DEFAULT_TEMPLATES[0].body


def test_preview_button_shows_sample_values_without_saving(client, login_as):
    login_as("admin")
    path = "/admin/mail-templates/takehome_invitation"
    token = csrf_token(client, path)
    response = client.post(
        path,
        data={
            "csrf_token": token,
            "subject": "For {candidate_name}",
            "body": "Link: {link}",
            "preview": "Preview",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "For Ada Lovelace" in page and "Link: https://hirekit.example.com/takehome/" in page
    assert catalog.get_template("takehome_invitation").subject != "For {candidate_name}"


def test_live_preview_endpoint_answers_json(client, login_as):
    login_as("admin")
    path = "/admin/mail-templates/takehome_invitation"
    token = csrf_token(client, path)
    ok = client.post(
        f"{path}/preview",
        data={"csrf_token": token, "subject": "{company}: {job_title}", "body": "x"},
    )
    assert ok.status_code == 200
    assert ok.get_json() == {"subject": "hirekit: Senior Flask Developer", "body": "x"}
    bad = client.post(
        f"{path}/preview",
        data={"csrf_token": token, "subject": "{oops}", "body": "x"},
        headers={"Accept": "application/json"},
    )
    assert bad.status_code == 422
    assert bad.get_json()["error"]["details"] == {"subject": "unknown placeholder {oops}"}


def test_company_name_comes_from_settings(app_factory):
    app = app_factory(COMPANY_NAME="Acme Robotics")
    with app.app_context():
        rendered = catalog.render("{company}", "{company} {job_title}", {"job_title": "Dev"})
    assert rendered == catalog.Rendered("Acme Robotics", "Acme Robotics Dev")


def test_api_reads_updates_and_refuses_unknown_placeholders(client, api_token):
    _, headers = api_token("admin")
    listed = client.get("/api/v1/mail-templates", headers=headers)
    assert {t["key"] for t in listed.get_json()} == {t.key for t in DEFAULT_TEMPLATES}
    url = "/api/v1/mail-templates/interview_invitation"
    bad = client.put(url, headers=headers, json={"subject": "x", "body": "{when}"})
    assert bad.status_code == 422
    assert bad.get_json()["error"]["details"] == {"body": "unknown placeholder {when}"}
    good = client.put(url, headers=headers, json={"subject": "Talk {interview_at}", "body": "b"})
    assert good.status_code == 200 and good.get_json()["subject"] == "Talk {interview_at}"
    preview = client.post(
        f"{url}/preview", headers=headers, json={"subject": "{job_title}", "body": "b"}
    )
    assert preview.get_json()["subject"] == "Senior Flask Developer"
    assert client.get("/api/v1/mail-templates/nope", headers=headers).status_code == 404


def test_recruiters_may_not_edit_templates(client, login_as):
    login_as("recruiter")
    assert client.get("/admin/mail-templates").status_code == 403
