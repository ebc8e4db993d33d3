"""no-testing / no-architecture / no-extension: only on long Python web developer posts."""

from __future__ import annotations

import pytest
from tests.engines.joblint.joblint_helpers import FILLER, rules_of

from hirekit.engines.joblint import lint_job

MISSING = {"no-testing-expectation", "no-architecture-expectation", "no-extension-expectation"}
BARE_FLASK = "Flask Developer\n\n" + FILLER + "You will build REST APIs in Python and Flask.\n"


def test_bare_flask_post_misses_all_three() -> None:
    assert rules_of(BARE_FLASK) >= MISSING


def test_missing_issues_quote_nothing_and_say_what_is_missing() -> None:
    issues = [i for i in lint_job(BARE_FLASK).issues if i.rule in MISSING]
    assert {i.quote for i in issues} == {""}
    assert all(i.start is None and i.end is None for i in issues)
    assert all("Says nothing about" in i.message for i in issues)
    by_rule = {i.rule: i.mistake for i in issues}
    assert by_rule["no-architecture-expectation"] == "ignoring-architecture"
    assert by_rule["no-extension-expectation"] == "missing-extension-knowledge"


@pytest.mark.parametrize(
    ("sentence", "silenced"),
    [
        ("You write tests with pytest.", "no-testing-expectation"),
        ("We practise TDD.", "no-testing-expectation"),
        ("Test automation is part of the job.", "no-testing-expectation"),
        ("You care about application architecture.", "no-architecture-expectation"),
        ("You organise code with blueprints.", "no-architecture-expectation"),
        ("You know the application factory pattern.", "no-architecture-expectation"),
        ("You design services with clear boundaries.", "no-architecture-expectation"),
        ("You keep code modular.", "no-architecture-expectation"),
        ("You know SQLAlchemy.", "no-extension-expectation"),
        ("You know Flask-Login.", "no-extension-expectation"),
        ("You know Flask-Marshmallow.", "no-extension-expectation"),
        ("You have used Alembic.", "no-extension-expectation"),
        ("You have used psycopg.", "no-extension-expectation"),
        ("You have used Peewee.", "no-extension-expectation"),
        ("You know your way around Flask extensions.", "no-extension-expectation"),
    ],
)
def test_any_mention_silences_its_rule_only(sentence: str, silenced: str) -> None:
    assert rules_of(BARE_FLASK + sentence) & MISSING == MISSING - {silenced}


def test_flask_based_is_not_an_extension() -> None:
    assert "no-extension-expectation" in rules_of(BARE_FLASK + "Our Flask-based platform grows.")


def test_short_posts_are_still_judged_for_what_they_lack() -> None:
    assert rules_of("Flask developer wanted. Python, REST APIs, remote.") & MISSING == MISSING
    said = "Flask developer: designs REST services, writes pytest tests, uses SQLAlchemy."
    assert rules_of(said) & MISSING == set()


def test_data_role_is_not_judged() -> None:
    text = "Data Engineer\n\n" + FILLER + "You will build pipelines in Python and a Flask API.\n"
    assert rules_of(text) & MISSING == set()


def test_django_role_is_judged_for_tests_and_architecture_but_not_flask_extensions() -> None:
    text = "Django Developer\n\n" + FILLER + "You will build REST APIs in Python and Django.\n"
    assert rules_of(text) & MISSING == MISSING - {"no-extension-expectation"}


def test_non_developer_role_is_not_judged() -> None:
    text = "Office Manager\n\n" + FILLER.replace("engineering ", "") + "You order snacks.\n"
    assert rules_of(text) & MISSING == set()


ROLE = "Python Developer\n\nYou will build REST APIs in Python and Flask.\n"


@pytest.mark.parametrize(
    "line",
    ["Write clean code that is maintainable and scalable.",
     "Contribute to database schema design (PostgreSQL).",
     "Experience with structure-from-motion.", "We run a LAMP architecture."],
)  # fmt: skip
def test_qualities_schema_design_and_hosting_stacks_do_not_clear_architecture(line: str) -> None:
    assert "no-architecture-expectation" in rules_of(ROLE + line)


@pytest.mark.parametrize(
    "line",
    ["Think about how to structure a codebase 20 engineers share.",
     "Experience with microservices.", "Design REST services.", "Knows SOLID and MVC."],
)  # fmt: skip
def test_a_named_structure_or_service_design_clears_architecture(line: str) -> None:
    assert "no-architecture-expectation" not in rules_of(ROLE + line)


def test_russian_posts_are_read_for_tests_and_architecture() -> None:
    post = "Python разработчик\n\nDjango, REST API.\n"
    assert rules_of(post) & MISSING == MISSING - {"no-extension-expectation"}
    said = post + "Пишет тесты (pytest). Проектирование сервисов, микросервисная архитектура.\n"
    assert rules_of(said) & MISSING == set()


FLASK_ROLE = "Flask Developer\n\nBuild REST APIs with Flask. Write pytest tests. Design services.\n"


@pytest.mark.parametrize(
    "line", ["Experience with an ORM.", "Marshmallow, Redis, Celery, PostgreSQL.", "WTForms."]
)
def test_generic_orm_and_plain_libraries_do_not_clear_extensions(line: str) -> None:
    assert "no-extension-expectation" in rules_of(FLASK_ROLE + line)


@pytest.mark.parametrize(
    "line",
    ["Flask-Marshmallow.", "Django ORM experience is a plus.", "SQLAlchemy.", "psycopg.",
     "Nice to have: Flask-Login."],
)  # fmt: skip
def test_a_named_extension_or_database_library_clears_it_even_as_a_bonus(line: str) -> None:
    assert "no-extension-expectation" not in rules_of(FLASK_ROLE + line)
