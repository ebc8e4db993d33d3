"""Postings as the world sees them: the page's JSON-LD, the feeds, the public API, the look."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser
import pytest
from sqlalchemy import select

from hirekit.audit.models import AuditEntry
from hirekit.extensions import db
from hirekit.jobs.services.jobs import change_state
from tests.conftest import csrf_token
from tests.resumes.samples import open_job

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

# Google's job-posting structured data: what it requires, and what it recommends.
REQUIRED = ("title", "description", "datePosted", "hiringOrganization")
RECOMMENDED = ("validThrough", "employmentType", "identifier")
EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "OTHER"}


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


@pytest.fixture
def remote_job(recruiter):
    return open_job(
        recruiter,
        title="Senior Flask engineer",
        workplace="remote",
        applicant_regions="European Union, United Kingdom",
        level="senior",
        salary_min=70000,
        salary_max=90000,
        currency="EUR",
        employment_type="full-time",
        description="Build **Flask** APIs for payments.",
    )


@pytest.fixture
def office_job(recruiter):
    return open_job(
        recruiter,
        title="Flask developer (contract)",
        workplace="onsite",
        location="Porto, Portugal",
        employment_type="contract",
        use_case="full-stack",
        description="Jinja2 and forms.",
    )


@pytest.fixture
def hidden_jobs(make_user):
    """A confidential job and a closed one: neither may appear anywhere public."""
    admin = make_user("admin")
    secret = open_job(admin, title="Secret platform rewrite", confidential=True)
    closed = open_job(admin, title="Filled backend role")
    change_state(closed, "closed", actor=admin)
    db.session.commit()
    return secret, closed


def _json_ld(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1, "one JobPosting per job page"
    return json.loads(found[0])


def _assert_valid_job_posting(data: dict) -> None:
    assert data["@context"] == "https://schema.org/" and data["@type"] == "JobPosting"
    for name in (*REQUIRED, *RECOMMENDED):
        assert data.get(name), f"missing {name}"
    datetime.fromisoformat(data["datePosted"])
    assert datetime.fromisoformat(data["validThrough"]).date().isoformat() > data["datePosted"]
    assert data["hiringOrganization"]["@type"] == "Organization"
    assert data["hiringOrganization"]["name"]
    assert data["employmentType"] in EMPLOYMENT_TYPES
    if data.get("jobLocationType") == "TELECOMMUTE":
        regions = data["applicantLocationRequirements"]
        assert regions and all(r["@type"] and r["name"] for r in regions)
    else:
        address = data["jobLocation"]["address"]
        assert address["@type"] == "PostalAddress"
        assert address.get("addressLocality") or address.get("addressCountry")
    if "baseSalary" in data:
        salary = data["baseSalary"]
        assert salary["@type"] == "MonetaryAmount" and len(salary["currency"]) == 3
        value = salary["value"]
        assert value["@type"] == "QuantitativeValue" and value["unitText"] == "YEAR"
        assert "value" in value or "minValue" in value or "maxValue" in value


def test_remote_job_page_carries_a_valid_telecommute_posting(app, client, remote_job):
    app.config["COMPANY_NAME"] = "Acme Payments"
    html = client.get(f"/careers/{remote_job.id}").get_data(as_text=True)
    data = _json_ld(html)
    _assert_valid_job_posting(data)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert [r["name"] for r in data["applicantLocationRequirements"]] == [
        "European Union",
        "United Kingdom",
    ]
    assert data["hiringOrganization"]["name"] == "Acme Payments"
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "unitText": "YEAR",
        "minValue": 70000,
        "maxValue": 90000,
    }
    assert data["employmentType"] == "FULL_TIME"
    assert "<strong>Flask</strong>" in data["description"]
    # What people read says the same as what search engines read.
    assert "Acme Payments" in html and "EUR 70,000–90,000 a year" in html
    assert "Remote (European Union, United Kingdom)" in html


def test_office_job_posting_has_a_place_and_no_salary_when_none_is_set(client, office_job):
    html = client.get(f"/careers/{office_job.id}").get_data(as_text=True)
    data = _json_ld(html)
    _assert_valid_job_posting(data)
    assert "jobLocationType" not in data and "baseSalary" not in data
    assert data["jobLocation"]["address"]["addressLocality"] == "Porto"
    assert data["jobLocation"]["address"]["addressCountry"] == "Portugal"
    assert data["employmentType"] == "CONTRACTOR"
    assert "Porto, Portugal (On-site)" in html and "Not stated" in html
    assert ">full-stack<" not in html and "Building full-stack web applications" in html


def test_json_ld_cannot_break_out_of_its_script(client, recruiter):
    job = open_job(recruiter, title="Dev </script><script>alert(1)</script>")
    html = client.get(f"/careers/{job.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert _json_ld(html)["title"] == "Dev </script><script>alert(1)</script>"


def test_careers_index_shows_pay_and_places_and_advertises_the_feeds(client, remote_job):
    html = client.get("/careers/").get_data(as_text=True)
    assert "EUR 70,000–90,000 a year" in html and "Full-time" in html and "Senior" in html
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert 'rel="alternate" type="application/feed+json"' in html


def test_atom_feed_lists_open_public_jobs_only(client, remote_job, office_job, hidden_jobs):
    response = client.get("/careers/feed.atom")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.get_data())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Senior Flask engineer", "Flask developer (contract)"}
    entry = next(e for e in feed.entries if e.title == "Senior Flask engineer")
    assert entry.link.endswith(f"/careers/{remote_job.id}")
    assert "Remote (European Union, United Kingdom)" in entry.summary


def test_json_feed_lists_open_public_jobs_with_their_pay(client, remote_job, hidden_jobs):
    response = client.get("/careers/feed.json")
    assert response.mimetype == "application/feed+json"
    feed = json.loads(response.get_data())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["title"] for item in feed["items"]] == ["Senior Flask engineer"]
    item = feed["items"][0]
    assert item["url"].endswith(f"/careers/{remote_job.id}") and item["content_html"]
    assert item["_hirekit"]["salary"]["min"] == 70000
    for key in ("id", "url", "title", "date_published"):
        assert item[key], key
    datetime.fromisoformat(item["date_published"])


def test_aggregator_xml_feed(client, remote_job, office_job, hidden_jobs):
    response = client.get("/careers/jobs.xml")
    root = ET.fromstring(response.get_data())
    assert root.tag == "source" and root.findtext("publisher")
    jobs = {job.findtext("title"): job for job in root.findall("job")}
    assert set(jobs) == {"Senior Flask engineer", "Flask developer (contract)"}
    remote = jobs["Senior Flask engineer"]
    assert remote.findtext("referencenumber") == str(remote_job.id)
    assert remote.findtext("url").endswith(f"/careers/{remote_job.id}")
    assert remote.findtext("salary") == "EUR 70,000–90,000 a year"
    assert remote.findtext("remotetype") == "Fully remote"
    assert jobs["Flask developer (contract)"].findtext("city") == "Porto"
    assert jobs["Flask developer (contract)"].findtext("jobtype") == "contract"


def test_public_postings_api_needs_no_token_and_hides_what_is_not_public(
    client, remote_job, hidden_jobs
):
    secret, closed = hidden_jobs
    response = client.get("/api/v1/public/postings/")
    assert response.status_code == 200
    body = response.get_json()
    assert [p["title"] for p in body] == ["Senior Flask engineer"]
    posting = body[0]
    assert posting["salary"] == {
        "min": 70000,
        "max": 90000,
        "currency": "EUR",
        "period": "year",
        "text": "EUR 70,000–90,000 a year",
    }
    assert posting["applicant_regions"] == ["European Union", "United Kingdom"]
    # Nothing internal: no team, no hiring team, no state, no confidential flag.
    assert not {"team", "members", "state", "confidential", "use_case"} & set(posting)
    assert client.get(f"/api/v1/public/postings/{remote_job.id}").get_json()["id"] == remote_job.id
    for hidden in (secret, closed):
        missing = client.get(f"/api/v1/public/postings/{hidden.id}")
        assert missing.status_code == 404 and "error" in missing.get_json()


def test_public_postings_are_cacheable_and_conditional(client, remote_job):
    first = client.get("/api/v1/public/postings/")
    assert first.headers["Cache-Control"] == "public, max-age=300"
    etag = first.headers["ETag"]
    again = client.get("/api/v1/public/postings/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.get_data()
    feed = client.get("/careers/feed.atom")
    assert (
        client.get(
            "/careers/feed.atom", headers={"If-None-Match": feed.headers["ETag"]}
        ).status_code
        == 304
    )


def test_a_changed_job_changes_the_etag(client, remote_job, recruiter):
    etag = client.get(f"/api/v1/public/postings/{remote_job.id}").headers["ETag"]
    remote_job.title = "Staff Flask engineer"
    db.session.commit()
    changed = client.get(
        f"/api/v1/public/postings/{remote_job.id}", headers={"If-None-Match": etag}
    )
    assert changed.status_code == 200 and changed.get_json()["title"] == "Staff Flask engineer"


def test_openapi_documents_the_public_postings_without_security(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path in ("/api/v1/public/postings/", "/api/v1/public/postings/{job_id}"):
        assert spec["paths"][path]["get"]["security"] == []


def test_salary_can_be_required_before_a_job_opens(app, client, api_token):
    app.config["REQUIRE_SALARY_TO_PUBLISH"] = True
    _, headers = api_token("recruiter")
    job = client.post(
        "/api/v1/jobs", headers=headers, json={"title": "T", "use_case": "rest-api", "level": "mid"}
    ).get_json()
    refused = client.post(
        f"/api/v1/jobs/{job['id']}/state", headers=headers, json={"state": "open"}
    )
    assert refused.status_code == 422
    assert "salary" in refused.get_json()["error"]["message"].lower()
    assert client.get(f"/api/v1/public/postings/{job['id']}").status_code == 404
    client.patch(
        f"/api/v1/jobs/{job['id']}",
        headers=headers,
        json={"salary_min": 50000, "salary_max": 60000},
    )
    opened = client.post(f"/api/v1/jobs/{job['id']}/state", headers=headers, json={"state": "open"})
    assert opened.status_code == 200 and opened.get_json()["published_at"]
    assert client.get(f"/api/v1/public/postings/{job['id']}").status_code == 200


def _save_look(client, **data):
    token = csrf_token(client, "/careers/settings")
    return client.post(
        "/careers/settings",
        data={"csrf_token": token, **data},
        content_type="multipart/form-data",
    )


def test_admin_sets_the_logo_and_accent_colour(client, login_as, remote_job):
    admin = login_as("admin")
    saved = _save_look(client, accent_colour="#AA3300", logo=(io.BytesIO(PNG), "logo.png"))
    assert saved.status_code == 302
    css = client.get("/careers/brand.css").get_data(as_text=True)
    assert "--brand: #aa3300" in css
    logo = client.get("/careers/logo")
    assert logo.status_code == 200 and logo.mimetype == "image/png" and logo.get_data() == PNG
    page = client.get(f"/careers/{remote_job.id}").get_data(as_text=True)
    assert "/careers/logo?v=" in page and _json_ld(page)["hiringOrganization"]["logo"]
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == "careers.branding_updated")
    ).one()
    assert entry.actor_id == admin.id


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"accent_colour": "red; } body { display:none"}, "#rrggbb"),
        ({"accent_colour": "#112233", "logo": (SVG, "logo.png")}, "PNG or JPEG"),
        ({"accent_colour": "#112233", "logo": (PNG + b"\x00" * 300_000, "big.png")}, "KB"),
    ],
)
def test_bad_looks_are_refused_and_change_nothing(client, login_as, data, message):
    login_as("admin")
    assert _save_look(client, accent_colour="#123456").status_code == 302
    data = {k: (io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v for k, v in data.items()}
    refused = _save_look(client, **data)
    assert refused.status_code == 400 and message in refused.get_data(as_text=True)
    assert "--brand: #123456" in client.get("/careers/brand.css").get_data(as_text=True)
    assert client.get("/careers/logo").status_code == 404


def test_only_admins_change_the_look(client, login_as):
    login_as("recruiter")
    assert client.get("/careers/settings").status_code == 403
