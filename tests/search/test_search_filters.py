"""Candidate search: words combined with job, stage, date, source, tag, fit and flag filters."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hirekit.candidates.models import Application
from hirekit.candidates.search import SearchFilters, search_query
from hirekit.candidates.services import applications
from hirekit.extensions import db
from hirekit.resumes.models import Resume, Screening
from tests.jobs.factories import make_candidate, make_job

T0 = datetime(2025, 3, 1, 12, tzinfo=UTC)


def names(user: Any, **filters: Any) -> set[str]:
    return {c.name for c in db.session.scalars(search_query(user, SearchFilters(**filters)))}


def screened(
    candidate: Any,
    fit: str,
    *,
    green: tuple[str, ...] = (),
    yellow: tuple[str, ...] = (),
    at: datetime = T0,
    override: str = "",
    use_case: str = "rest-api",
) -> Screening:
    """A screening as the resumes domain stores it, with the flags given."""
    resume = Resume(
        candidate_id=candidate.id, file_key=f"k/{candidate.id}/{at.isoformat()}", filename="cv.txt",
        size=1, sha256="0" * 64,
    )  # fmt: skip
    db.session.add(resume)
    db.session.flush()

    def flags(ids: tuple[str, ...]) -> list[dict[str, Any]]:
        return [
            {"flag": f, "evidence": "mentions testing and api_design", "confidence": 1} for f in ids
        ]

    screening = Screening(
        resume_id=resume.id, candidate_id=candidate.id, use_case=use_case, fit=fit,
        flags={"green": flags(green), "yellow": flags(yellow)}, screened_at=at,
        override_fit=override,
    )  # fmt: skip
    db.session.add(screening)
    db.session.commit()
    return screening


def test_fit_comes_from_the_latest_screening_and_an_override_wins(make_user):
    me = make_user("recruiter")
    ada = make_candidate(me, "Ada Example", tags=["flask"])
    bo = make_candidate(me, "Bo Example", tags=["flask"])
    make_candidate(me, "Cy Example", tags=["flask"])
    screened(ada, "strong", at=T0)
    screened(ada, "possible", at=T0 + timedelta(days=1), use_case="microservices")
    screened(bo, "no", override="strong")
    assert names(me, fit="strong") == {"Bo Example"}
    assert names(me, fit="possible") == {"Ada Example"}
    assert names(me, fit="no") == set()
    assert names(me, text="flask", fit="possible") == {"Ada Example"}
    assert names(me, text="flask") == {"Ada Example", "Bo Example", "Cy Example"}
    assert "Cy Example" not in names(me, fit="no")  # never screened: no fit at all


def test_flag_filter_reads_the_latest_screenings_flags_of_either_colour(make_user):
    me = make_user("recruiter")
    ada = make_candidate(me, "Ada Example")
    bo = make_candidate(me, "Bo Example")
    cy = make_candidate(me, "Cy Example")
    screened(ada, "strong", green=("testing", "api_design"))
    screened(bo, "no", yellow=("no_testing",))
    screened(cy, "strong", green=("testing",), at=T0)
    screened(cy, "no", green=(), at=T0 + timedelta(days=2), use_case="full-stack")
    assert names(me, flag="testing") == {"Ada Example"}
    assert names(me, flag="no_testing") == {"Bo Example"}
    assert names(me, flag="api_design", fit="strong") == {"Ada Example"}
    assert names(me, flag="api_design", fit="no") == set()
    # The word only appears in evidence text, never as a flag id.
    assert names(me, flag="mentions") == set()


def test_job_stage_and_dates_must_hold_for_one_application(make_user):
    me = make_user("recruiter")
    flask_job, data_job = make_job(me), make_job(me, title="Data engineer")
    ada = make_candidate(me, "Ada Example", tags=["flask"])
    bo = make_candidate(me, "Bo Example", tags=["flask"])
    for person, job, when in (
        (ada, flask_job, datetime(2025, 3, 1, 9, tzinfo=UTC)),
        (ada, data_job, datetime(2025, 5, 1, 9, tzinfo=UTC)),
        (bo, flask_job, datetime(2025, 3, 31, 23, 30, tzinfo=UTC)),
    ):
        application = applications.apply(person, job, actor=me)
        db.session.flush()
        application.created_at = when
    db.session.commit()
    march = {"applied_since": date(2025, 3, 1), "applied_until": date(2025, 3, 31)}
    assert names(me, **march) == {"Ada Example", "Bo Example"}  # both ends included
    assert names(me, job_id=data_job.id, **march) == set()  # Ada applied to it in May
    assert names(me, job_id=data_job.id, applied_since=date(2025, 4, 1)) == {"Ada Example"}
    assert names(me, applied_until=date(2025, 3, 30)) == {"Ada Example"}
    assert names(me, text="flask", applied_since=date(2025, 3, 2)) == {"Ada Example", "Bo Example"}
    first = flask_job.stages[0]
    assert names(me, job_id=flask_job.id, stage_id=first.id, text="bo") == {"Bo Example"}
    assert names(me, stage_id=data_job.stages[1].id) == set()


def test_words_source_and_tag_combine(make_user):
    me = make_user("recruiter")
    make_candidate(me, "Ada Example", source="referral", tags=["remote", "flask"])
    make_candidate(me, "Bo Example", source="linkedin", tags=["remote"])
    make_candidate(me, "Cy Example", source="referral", tags=["flask"])
    assert names(me, source="referral", tag="remote") == {"Ada Example"}
    assert names(me, text="flask", source="referral") == {"Ada Example", "Cy Example"}
    assert names(me, text="example", tag="Remote ") == {"Ada Example", "Bo Example"}


def test_people_only_in_hidden_jobs_stay_hidden(make_user):
    owner, me = make_user("admin"), make_user("recruiter")
    secret = make_job(owner, title="Secret role", confidential=True)
    public = make_job(owner, title="Public role")
    hidden = make_candidate(owner, "Hidden Example")
    both = make_candidate(owner, "Both Example")
    make_candidate(owner, "Nowhere Example")
    applications.apply(hidden, secret, actor=owner)
    applications.apply(both, secret, actor=owner)
    applications.apply(both, public, actor=owner)
    db.session.commit()
    assert names(me, text="example") == {"Both Example", "Nowhere Example"}
    assert names(owner, text="example") == {"Hidden Example", "Both Example", "Nowhere Example"}


def test_search_page_has_the_filters_and_applies_them(client, login_as):
    me = login_as("recruiter")
    ada = make_candidate(me, "Ada Example")
    make_candidate(me, "Bo Example")
    screened(ada, "strong", green=("testing",))
    page = client.get("/candidates/").get_data(as_text=True)
    for field in ('name="fit"', 'name="flag"', 'name="since"', 'name="until"', 'value="testing"'):
        assert field in page
    page = client.get("/candidates/?q=example&fit=strong&flag=testing").get_data(as_text=True)
    assert "Ada Example" in page and "Bo Example" not in page
    assert '<option value="strong" selected>' in page
    page = client.get("/candidates/?since=2999-01-01").get_data(as_text=True)
    assert "No candidates match." in page
    page = client.get("/candidates/?since=not-a-date").get_data(as_text=True)
    assert "Ada Example" in page and "Bo Example" in page


def test_api_list_takes_the_filters(client, api_token):
    me, headers = api_token("recruiter")
    ada = make_candidate(me, "Ada Example")
    make_candidate(me, "Bo Example")
    screened(ada, "possible", yellow=("tutorial_only",))
    job = make_job(me)
    applications.apply(ada, job, actor=me)
    db.session.commit()
    today = date.today().isoformat()
    response = client.get(
        f"/api/v1/candidates?q=example&fit=possible&flag=tutorial_only&applied_since={today}"
        f"&job_id={job.id}",
        headers=headers,
    )
    assert response.status_code == 200
    assert [c["name"] for c in response.get_json()] == ["Ada Example"]
    assert response.headers["X-Total-Count"] == "1"
    assert client.get("/api/v1/candidates?fit=great", headers=headers).status_code == 422
    bad_date = client.get("/api/v1/candidates?applied_until=31/12/2025", headers=headers)
    assert bad_date.status_code == 422
    assert db.session.query(Application).count() == 1
