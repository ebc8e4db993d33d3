"""The role guide served: page with filters, API, extra guides from a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hirekit import create_app
from hirekit.engines.guide import GuideError

PACKAGED = Path(__file__).parents[2] / "src" / "hirekit" / "guides" / "flask.toml"


def test_guide_page_shows_the_market_and_sections(client, login_as):
    login_as("interviewer")
    page = client.get("/guide/flask").get_data(as_text=True)
    for fact in (
        "145k",
        "190k",
        "USD",
        "4–5 weeks",
        "Hard",
        "rest-api",
        "microservices",
        "full-stack",
        "Junior answer",
        "Senior answer",
        "Green flags",
        "Yellow flags",
    ):
        assert fact in page, fact


def test_guide_index_goes_to_the_only_guide(client, login_as):
    login_as()
    assert client.get("/guide/").headers["Location"].endswith("/guide/flask")


def _shown(page: str) -> int:
    return page.count('class="question"')


def test_question_filters_narrow_the_bank(client, login_as, app):
    from hirekit.guides.registry import get_guide

    guide = get_guide("flask")
    login_as()
    everything = client.get("/guide/flask").get_data(as_text=True)
    assert _shown(everything) == len(guide.questions)
    by_case = client.get("/guide/flask?use_case=full-stack").get_data(as_text=True)
    assert _shown(by_case) == len(guide.questions_for("full-stack")) < len(guide.questions)
    by_topic = client.get("/guide/flask?topic=blueprints").get_data(as_text=True)
    expected = sum(1 for q in guide.questions if q.topic == "blueprints")
    assert _shown(by_topic) == expected >= 1
    nothing = client.get("/guide/flask?q=zzzxqj").get_data(as_text=True)
    assert _shown(nothing) == 0


def test_unknown_guide_is_404(client, login_as):
    login_as()
    assert client.get("/guide/cobol").status_code == 404


def test_guide_api(client, api_token):
    _, headers = api_token("interviewer")
    listing = client.get("/api/v1/guides", headers=headers).get_json()
    assert [g["slug"] for g in listing] == ["flask"]
    guide = client.get("/api/v1/guides/flask", headers=headers).get_json()
    assert guide["market"]["senior_salary_min"] == 145000
    assert guide["market"]["senior_salary_max"] == 190000
    assert set(guide["use_cases"]) == {"rest-api", "microservices", "full-stack"}
    assert len(guide["questions"]) >= 30
    assert {q["id"] for q in guide["questions"]}
    flags = {f["id"] for f in guide["green_flags"]}
    assert "blueprints_or_factory" in flags


def test_a_second_guide_is_just_a_file(app_factory, tmp_path, client):
    extra = tmp_path / "guides"
    extra.mkdir()
    text = PACKAGED.read_text().replace('slug = "flask"', 'slug = "fastapi"', 1)
    assert 'slug = "fastapi"' in text
    (extra / "fastapi.toml").write_text(text)
    app = app_factory(GUIDES_DIR=str(extra))
    with app.app_context():
        from hirekit.guides.registry import all_guides

        assert set(all_guides()) == {"flask", "fastapi"}


def test_a_broken_guide_stops_the_start_naming_the_field(tmp_path):
    extra = tmp_path / "guides"
    extra.mkdir()
    shutil.copy(PACKAGED, extra / "broken.toml")
    text = (extra / "broken.toml").read_text().replace('slug = "flask"', 'slug = "broken"', 1)
    (extra / "broken.toml").write_text(text.replace("senior_salary_max", "senior_salary_mux", 1))
    with pytest.raises(GuideError, match="senior_salary_m"):
        create_app({"SECRET_KEY": "k", "DATABASE_URL": "sqlite://", "GUIDES_DIR": str(extra)})
