"""The job-post check: the form's JSON endpoint and the API."""

from __future__ import annotations

from tests.conftest import csrf_token
from tests.jobs.factories import make_job

POST = "We need a developer with 5+ years of Flask to build our REST API."


def test_form_endpoint_needs_the_csrf_header_and_returns_issues(client, login_as):
    login_as("recruiter")
    refused = client.post("/jobs/lint", json={"text": POST})
    assert refused.status_code == 400
    token = csrf_token(client, "/jobs/new")
    response = client.post(
        "/jobs/lint",
        json={"text": POST, "level": "mid", "salary_min": "", "use_case": "rest-api"},
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )
    assert response.status_code == 200
    issues = response.get_json()["issues"]
    flask_years = [i for i in issues if i["rule"] == "years-of-flask"]
    assert flask_years and flask_years[0]["quote"] in POST
    assert POST[flask_years[0]["start"] : flask_years[0]["end"]] == flask_years[0]["quote"]
    bad = client.post("/jobs/lint", json={"txt": 1}, headers={"X-CSRFToken": token})
    assert bad.status_code == 422


def test_form_page_loads_the_live_check_script(client, login_as):
    login_as("recruiter")
    page = client.get("/jobs/new").get_data(as_text=True)
    assert "/static/jobs.js" in page and 'data-lint-url="/jobs/lint"' in page


def test_api_lint_and_check_in_the_job(client, api_token, make_user):
    user, headers = api_token("recruiter")
    response = client.post("/api/v1/jobs/lint", headers=headers, json={"text": POST})
    assert response.status_code == 200
    assert "years-of-flask" in {i["rule"] for i in response.get_json()["issues"]}
    assert client.post("/api/v1/jobs/lint", headers=headers, json={}).status_code == 422
    job = make_job(user)
    body = client.get(f"/api/v1/jobs/{job.id}", headers=headers).get_json()
    assert "years-of-flask" in {i["rule"] for i in body["check"]["issues"]}
    clean = make_job(user, description="We build a Flask API. You will write tests.")
    clean_body = client.get(f"/api/v1/jobs/{clean.id}", headers=headers).get_json()
    assert "years-of-flask" not in {i["rule"] for i in clean_body["check"]["issues"]}


DJANGO_BODY = (
    "About us\n\nWe keep a few Flask services running.\n\nRequirements\n"
    "- Strong experience with the Django ORM\n"
)


def test_the_jobs_title_field_decides_the_role_everywhere(client, api_token, login_as):
    user, headers = api_token("recruiter")
    django_job = make_job(user, title="Senior Django Developer", description=DJANGO_BODY)
    flask_job = make_job(user, title="Backend Engineer (Flask)", description=DJANGO_BODY)
    rules = {
        job.title: {
            i["rule"]
            for i in client.get(f"/api/v1/jobs/{job.id}", headers=headers).get_json()["check"][
                "issues"
            ]
        }
        for job in (django_job, flask_job)
    }
    assert "django-in-flask-role" in rules["Backend Engineer (Flask)"]
    assert "django-in-flask-role" not in rules["Senior Django Developer"]
    api = client.post(
        "/api/v1/jobs/lint",
        headers=headers,
        json={"text": DJANGO_BODY, "title": "Senior Django Developer"},
    )
    assert "django-in-flask-role" not in {i["rule"] for i in api.get_json()["issues"]}
    login_as("recruiter")
    token = csrf_token(client, "/jobs/new")
    live = client.post(
        "/jobs/lint",
        json={"text": DJANGO_BODY, "title": "Backend Engineer (Flask)"},
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )
    assert "django-in-flask-role" in {i["rule"] for i in live.get_json()["issues"]}
    live_django = client.post(
        "/jobs/lint",
        json={"text": DJANGO_BODY, "title": "Senior Django Developer"},
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )
    assert "django-in-flask-role" not in {i["rule"] for i in live_django.get_json()["issues"]}
