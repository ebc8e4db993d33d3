"""Each flag's traps: negation, employers named Flask, consumers vs designers, manual QA."""

from __future__ import annotations

import pytest

from hirekit.engines.guide import Guide
from hirekit.engines.screening import Result, analyse


def run(text: str, guide: Guide) -> Result:
    return analyse(text, "rest-api", guide)


def test_negation_and_intention_raise_no_green_flag(guide: Guide) -> None:
    result = run(
        "Python developer.\nNo experience with Flask-SQLAlchemy or pytest.\n"
        "I want to learn how to design REST APIs.\n"
        "Familiar with the concept of blueprints.\nNever wrote unit tests.",
        guide,
    )
    assert result.green_flags == ()
    # A denied extension still names the framework (the spec: "anywhere in the text").
    assert result.mentions_flask


def test_announced_plans_are_not_done_work(guide: Guide) -> None:
    for line in (
        "Flask API for the dashboard. Next: pytest coverage of 90% on every module.",
        "Flask API for the dashboard. **Next steps:** write pytest suites.",
        "Flask API for the dashboard. Roadmap: tests with pytest.",
    ):
        assert "testing" not in run(line, guide).flag_ids(), line
    done = run(
        "Flask API for the dashboard, next to the billing service; tested with pytest.", guide
    )
    assert "testing" in done.flag_ids()


def test_contrast_ends_a_negation(guide: Guide) -> None:
    result = run("Python developer.\nNever used Django, but built REST APIs with Flask.", guide)
    assert "api_design" in result.flag_ids() and result.mentions_flask


def test_employer_named_flask_is_not_the_framework(guide: Guide) -> None:
    for line in (
        "Shift lead, EAGLE FLASK INDUSTRIES, 2010 - 2020",
        "Shift lead at Eagle Flask Industries.",
        "Rinsed the Erlenmeyer flask after each titration.",
    ):
        result = run(line, guide)
        assert "Flask" not in result.skills and not result.mentions_flask, line


def test_flask_with_software_context_is_the_framework(guide: Guide) -> None:
    for line in ("Built web apps with Flask.", "Skills: Python, Flask, Docker", "flask developer"):
        assert run(line, guide).mentions_flask, line


def test_spellings_of_one_skill(guide: Guide) -> None:
    for spelling in ("Flask-SQLAlchemy", "flask_sqlalchemy", "Flask SQLAlchemy"):
        result = run(f"Built a Flask app using {spelling} models.", guide)
        assert "Flask-SQLAlchemy" in result.skills, spelling
        assert "flask_extensions" in result.flag_ids()


def test_short_tokens_need_context(guide: Guide) -> None:
    assert run("Languages: Go, R, C and Python", guide).skills == ("Go", "R", "C", "Python")
    assert run("Let's go to R&D with a C-level sponsor.", guide).skills == ()


BUILT_APIS = (
    "Designed the public REST API for orders.",
    "Worked as a Python API developer for two years at a logistics firm.",
    "Document Embedding API: a Flask microservice serving 200 requests a day.",
    "- **Geo Service** - a FastAPI backend for store search.",
)
NOT_BUILT_APIS = (
    "Tested REST APIs with Postman.",
    "Wrote automated tests for the REST API.",
    "Developed a client for the Stripe API.",
    "Built integrations with third-party APIs.",
    "Applied for a Twitter API developer account to collect tweets.",
    "Stripe API: integrated card payments into the Flask shop.",
    "API test engineer on the partner platform.",
    "Tools: Postman, Swagger, Payments API - the Python SDK of our vendor.",
)


@pytest.mark.parametrize("line", BUILT_APIS)
def test_api_design_by_build_verb_role_or_project_name(line: str, guide: Guide) -> None:
    assert "api_design" in run(line, guide).flag_ids()


@pytest.mark.parametrize("line", NOT_BUILT_APIS)
def test_api_testing_consuming_and_accounts_are_not_api_design(line: str, guide: Guide) -> None:
    assert "api_design" not in run(line, guide).flag_ids()


def test_manual_qa_and_electrical_testing_are_not_automated_tests(guide: Guide) -> None:
    for line in (
        "Performed manual testing of releases and logged bugs.",
        "Manual regression test suites for each sprint.",
        "Electrical testing and PAT testing of appliances.",
        "Tested soil samples in the lab.",
    ):
        assert "testing" not in run(line, guide).flag_ids(), line
    for line in ("Wrote unit tests for the billing module.", "Automated tests with pytest."):
        assert "testing" in run(line, guide).flag_ids(), line


def test_skills_list_only_mention_is_medium_confidence(guide: Guide) -> None:
    listed = run("Python developer.\nSkills\nPython, Flask, Flask-Login, pytest", guide)
    flags = {f.flag: f.confidence for f in listed.green_flags}
    assert flags == {"flask_extensions": "medium", "testing": "medium"}
    prose = run("Added Flask-Login to our Flask app and wrote pytest tests.", guide)
    assert {f.flag: f.confidence for f in prose.green_flags}["flask_extensions"] == "high"


def test_production_scale_needs_flask_and_a_number(guide: Guide) -> None:
    assert "production_scale" not in run("Flask API in production.", guide).flag_ids()
    assert "production_scale" not in run("Django API serving 2M users.", guide).flag_ids()
    assert "production_scale" not in run("Used Flask 2.0 with Python 3.12.", guide).flag_ids()
    assert "production_scale" in run("Flask API serving 2M users.", guide).flag_ids()


def test_blueprint_needs_flask(guide: Guide) -> None:
    assert run("Wrote a blueprint for the growth strategy.", guide).green_flags == ()
    assert "blueprints_or_factory" in run("Split the Flask app into blueprints.", guide).flag_ids()


def test_database_must_sit_in_an_application(guide: Guide) -> None:
    assert run("Entered invoices into a MySQL database.", guide).green_flags == ()
    built = run("Designed the PostgreSQL schema for the booking service.", guide)
    assert "database_integration" in built.flag_ids()
    for line in (
        "Designed the PostgreSQL schemas for the user and shipment modules.",
        "Shipped the checkout backend on MongoDB.",
        "Built software for the contact centre on Lambda and DynamoDB.",
    ):
        assert "database_integration" in run(line, guide).flag_ids(), line


def test_database_far_from_the_building_in_a_run_together_resume(guide: Guide) -> None:
    # Extracted without line breaks, a whole resume can be one "sentence": the
    # design work and the database named at its other end do not belong together.
    filler = " ".join(f"topic{n} notes" for n in range(12))
    blob = (
        "Interests: Control System Design for power applications and drives "
        f"{filler} Tools Matlab and LabView with more {filler} MySQL-Basics Jupyter"
    )
    assert "database_integration" not in run(blob, guide).flag_ids()
    close = f"{filler} Designed the MySQL schema for the ordering application {filler}"
    assert "database_integration" in run(close, guide).flag_ids()


def test_yellow_flags_only_for_python_claims(guide: Guide) -> None:
    assert run("Java developer. Built Spring services.", guide).yellow_flags == ()
    tutorial = run("Followed a Flask tutorial to build a todo app in Python.", guide)
    assert {"tutorial_only", "no_testing"} <= tutorial.flag_ids()
    for course in (
        "Built a blog with Flask for a university Agile Web Development unit.",
        "Final project for CS50: a planner in Flask.",
        "Homework for a coding school: a Flask blog.",
    ):
        assert "tutorial_only" in run(f"Python developer.\n{course}", guide).flag_ids(), course
    # The course named two sentences away still covers the Flask work...
    near = (
        "Blogz\nA multi-user blog in Python with Flask.\nScreenshots below.\nA homework assignment."
    )
    assert "tutorial_only" in run(near, guide).flag_ids()
    # ...but "Flask" listed under "Technologies used" is not a prose mention to veto it.
    listed = near + "\n\nTechnologies used\n- Python\n- Flask\n"
    assert "tutorial_only" in run(listed, guide).flag_ids()
    # A real Flask project beside the course one keeps the flag off.
    real = near + "\n\nExperience\nShipped the Flask booking API at Acme, used by 40 clinics."
    assert "tutorial_only" not in run(real, guide).flag_ids()
    generic = run("Python scripts for reporting.", guide)
    assert "generic_python" in generic.flag_ids()


def test_a_role_sought_is_not_a_role_held(guide: Guide) -> None:
    result = run(
        "Career Objective\nTo work as a Django developer in a growing team.\n"
        "Experience\nData Analyst, Retailco, 2019 - 2023\nBuilt sales forecasts in Python.",
        guide,
    )
    assert result.fit == "no"
    assert result.yellow_flags_assessed
    assert "tutorial_only" not in result.flag_ids()  # the Python work is paid
