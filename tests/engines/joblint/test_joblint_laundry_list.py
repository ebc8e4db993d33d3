"""laundry-list: more than twelve distinct required technologies, counted in the requirements."""

from __future__ import annotations

import pytest
from tests.engines.joblint.joblint_helpers import rules_of

from hirekit.engines.joblint import lint_job
from hirekit.engines.joblint.rules.laundry_list import MAX_REQUIRED_TECHNOLOGIES

THIRTEEN = (
    "Python, Flask, SQLAlchemy, PostgreSQL, Redis, Docker, Kubernetes, AWS, Terraform, "
    "React, TypeScript, Kafka, Elasticsearch"
)
TWELVE = THIRTEEN.rsplit(",", 1)[0]


def test_more_than_twelve_required_is_a_laundry_list() -> None:
    assert MAX_REQUIRED_TECHNOLOGIES == 12
    text = f"Requirements\n- {THIRTEEN}\n"
    (issue,) = [i for i in lint_job(text).issues if i.rule == "laundry-list"]
    assert issue.rule == "laundry-list"
    assert issue.quote == THIRTEEN
    assert "13 distinct technologies" in issue.message


def test_twelve_is_fine() -> None:
    assert "laundry-list" not in rules_of(f"Requirements\n- {TWELVE}\n")


def test_aliases_count_once() -> None:
    aliases = "Postgres, PostgreSQL, k8s, Kubernetes, AWS (EC2, S3, Lambda), Flask-SQLAlchemy"
    text = f"Requirements\n- {TWELVE}\n- {aliases}\n"
    assert "laundry-list" not in rules_of(text)


def test_nice_to_have_does_not_count() -> None:
    text = f"Requirements\n- {TWELVE}\n\nNice to have\n- Celery, RabbitMQ, GraphQL\n"
    assert "laundry-list" not in rules_of(text)


def test_bonus_lines_in_the_requirements_do_not_count() -> None:
    text = f"Requirements\n- {TWELVE}\n- Celery and GraphQL are a plus\n"
    assert "laundry-list" not in rules_of(text)


def test_stack_and_duties_sections_do_not_count() -> None:
    stack = f"Our stack\n- {THIRTEEN}\n\n"
    duties = f"What you'll do\n- {THIRTEEN}\n"
    text = "Requirements\n- Python, Flask\n\n" + stack + duties
    assert "laundry-list" not in rules_of(text)


def test_post_without_headings_counts_everything_required() -> None:
    assert "laundry-list" in rules_of(f"You know {THIRTEEN}.")


def test_post_with_headings_but_no_requirements_says_nothing() -> None:
    text = f"About us\nWe are small.\n\nThe role\nYou will use {THIRTEEN}.\n"
    assert "laundry-list" not in rules_of(text)


def test_lower_case_words_are_not_technologies() -> None:
    words = "react quickly, go far, spark joy, rust belt, swift, helm of the ship, node"
    text = f"Requirements\n- {TWELVE}\n- You {words}\n"
    assert "laundry-list" not in rules_of(text)


# Eleven: one more demand is fine, two more make a laundry list.
BASE_ELEVEN = (
    "Requirements\n- Python, Flask, SQLAlchemy, PostgreSQL, Redis, Celery, Docker, Kubernetes,"
    " AWS, Terraform, React\n"
)


@pytest.mark.parametrize(
    "line",
    ["- a message broker, e.g. Kafka, RabbitMQ", "- a message broker such as Kafka, RabbitMQ",
     "- one of Kafka, RabbitMQ", "- Kafka or RabbitMQ", "- TDD, CI/CD, Agile, OOP, microservices",
     "- Kafka (preferred)", "- Ideally Kafka"],
)  # fmt: skip
def test_alternatives_examples_practices_and_extras_count_once_or_not_at_all(line: str) -> None:
    assert "laundry-list" not in rules_of(BASE_ELEVEN + line + "\n")


@pytest.mark.parametrize(
    "line", ["- Kafka and RabbitMQ", "- DevOps (Jenkins, GitLab CI)", "- JSON, XML"]
)
def test_plain_and_parenthetical_lists_count_each(line: str) -> None:
    assert "laundry-list" in rules_of(BASE_ELEVEN + line + "\n")
