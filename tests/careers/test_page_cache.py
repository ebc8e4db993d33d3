"""The open-positions page is kept by each process and rendered afresh after any change to
what it shows, whichever process (worker, server) made the change."""

from __future__ import annotations

import pytest

from hirekit import create_app
from hirekit.careers.postings_version import postings_version
from hirekit.careers.services import branding
from hirekit.extensions import db
from hirekit.jobs.services.jobs import change_state
from tests.conftest import BASE_CONFIG, login
from tests.resumes.samples import open_job

# Headers that differ between any two answers, kept page or not.
PER_ANSWER = {"Date", "X-Request-ID"}


@pytest.fixture
def recruiter(make_user):
    return make_user("recruiter")


@pytest.fixture
def other(app_factory):
    """A second app instance on the same database, as a second server or worker is."""
    return app_factory()


def _page(client, **headers):
    response = client.get("/careers/", headers=headers)
    assert response.status_code in (200, 304)
    return response


def _kept(app):
    return app.extensions.get("hirekit_careers_pages", {})


def test_a_change_made_through_one_instance_shows_on_the_next_request_to_another(
    app, other, recruiter, make_user
):
    visitor = other.test_client()
    job = open_job(recruiter, title="Flask API developer")
    first = _page(visitor).get_data(as_text=True)
    assert "Flask API developer" in first
    assert _page(visitor).get_data(as_text=True) == first
    assert len(_kept(other)) == 1  # the second answer came from the kept page

    # Each change below is made and committed by the first instance (this test's app).
    job.title = "Senior Flask API developer"
    db.session.commit()
    assert "Senior Flask API developer" in _page(visitor).get_data(as_text=True)

    second = open_job(recruiter, title="Platform engineer")
    assert "Platform engineer" in _page(visitor).get_data(as_text=True)

    change_state(second, "closed", actor=recruiter)
    db.session.commit()
    assert "Platform engineer" not in _page(visitor).get_data(as_text=True)

    job.confidential = True
    db.session.commit()
    assert "There are no open positions right now." in _page(visitor).get_data(as_text=True)

    before = _page(visitor).get_data(as_text=True)
    branding.update_branding(
        accent_colour="#aa3300", logo_data=None, remove_logo=False, actor=make_user("admin")
    )
    db.session.commit()
    after = _page(visitor).get_data(as_text=True)
    assert after != before and branding.brand().version in after


def test_the_postings_version_changes_with_every_change_and_only_then(app, recruiter):
    job = open_job(recruiter, title="Flask API developer")
    version = postings_version()
    assert postings_version() == version
    job.salary_max = 90_000
    db.session.commit()
    assert postings_version() != version


def test_a_kept_page_answers_exactly_as_a_rendered_one_and_conditionally(app, other, recruiter):
    open_job(recruiter, title="Flask API developer")
    visitor = other.test_client()
    other.debug = True  # the debugger renders every time: the reference answer
    try:
        rendered = _page(visitor)
    finally:
        other.debug = False
    _page(visitor)
    kept = _page(visitor)
    assert kept.get_data() == rendered.get_data()
    assert {k: v for k, v in kept.headers.items() if k not in PER_ANSWER} == {
        k: v for k, v in rendered.headers.items() if k not in PER_ANSWER
    }
    assert kept.headers["Cache-Control"] == "private, no-cache"

    etag = kept.headers["ETag"]
    unchanged = _page(visitor, **{"If-None-Match": etag})
    assert unchanged.status_code == 304 and not unchanged.get_data()
    open_job(recruiter, title="Platform engineer")
    changed = _page(visitor, **{"If-None-Match": etag})
    assert changed.status_code == 200 and "Platform engineer" in changed.get_data(as_text=True)
    assert changed.headers["ETag"] != etag


def test_signed_in_colleagues_and_waiting_messages_are_neither_kept_nor_shown_to_others(
    app, other, recruiter, make_user
):
    open_job(recruiter, title="Flask API developer")
    visitor = other.test_client()
    _page(visitor)
    colleague = make_user("recruiter", name="Grace Colleague")
    signed_in = other.test_client()
    login(signed_in, colleague.email)
    assert "Grace Colleague" in _page(signed_in).get_data(as_text=True)
    assert "Grace Colleague" not in _page(visitor).get_data(as_text=True)

    flashed = other.test_client()
    with flashed.session_transaction() as session:
        session["_flashes"] = [("info", "Thanks for your interest")]
    assert "Thanks for your interest" in _page(flashed).get_data(as_text=True)
    assert "Thanks for your interest" not in _page(flashed).get_data(as_text=True)
    assert "Thanks for your interest" not in _page(visitor).get_data(as_text=True)


def test_a_broken_version_connection_is_replaced_and_a_missing_database_is_a_503(
    app, recruiter, tmp_path
):
    open_job(recruiter, title="Flask API developer")
    visitor = app.test_client()
    _page(visitor)
    reader = app.extensions["hirekit_postings_version"]
    reader.connection.driver_connection.close()  # as a server restart would leave it
    assert "Flask API developer" in _page(visitor).get_data(as_text=True)

    gone = create_app(
        {**BASE_CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path}/missing-folder/x.sqlite3"}
    )
    response = gone.test_client().get("/careers/")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
