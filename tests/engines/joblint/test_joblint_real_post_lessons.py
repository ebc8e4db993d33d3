"""What real job posts taught the job-post check: each test pins one fix (fictional text)."""

from __future__ import annotations

from tests.engines.joblint.joblint_helpers import FILLER, quotes_of, rules_of

from hirekit.engines.joblint.role import profile_role
from hirekit.engines.joblint.salary import find_salary_bands
from hirekit.engines.joblint.text import Section, heading_kind, parse_document

EXTENSION = "no-extension-expectation"
TWELVE = (
    "Python, SQLAlchemy, PostgreSQL, Redis, Docker, Kubernetes, Terraform, React, TypeScript, "
    "Kafka, Elasticsearch, Celery"
)


# Flask offered as one framework among others is not a Flask role.


def test_flask_as_one_of_several_frameworks_is_not_a_flask_role() -> None:
    for line in (
        "- Experience building APIs with frameworks such as FastAPI, Flask, or Django",
        "- Frameworks: Django (core), FastAPI, Flask",
        "- Expert-level proficiency in Django, FastAPI, and Flask",
    ):
        text = "Backend Engineer\n\n" + FILLER + "Requirements\n- Python, testing, architecture\n"
        assert EXTENSION not in rules_of(text + line + "\n"), line


def test_django_next_to_flask_and_fastapi_is_no_django_in_flask_mistake() -> None:
    line = "- Expert-level proficiency in Django, FastAPI, and Flask"
    text = f"Backend Engineer\n\nRequirements\n{line}\n"
    assert quotes_of(text, "django-in-flask-role") == []


def test_flask_named_on_its_own_still_makes_a_flask_role() -> None:
    text = "Backend Engineer\n\n" + FILLER + "You write tested, well-structured code using Flask.\n"
    assert EXTENSION in rules_of(text)
    titled = "Python Flask Developer\n\n" + FILLER + "Tests and architecture. FastAPI or Django.\n"
    assert EXTENSION in rules_of(titled)


# Headings.


def test_a_parenthetical_aside_does_not_hide_a_heading() -> None:
    assert heading_kind("## Nice to have (Optional - but, these are huge plus)") == (
        Section.OPTIONAL,
        len("## Nice to have (Optional - but, these are huge plus)"),
    )


def test_portuguese_and_spanish_requirement_headings() -> None:
    assert heading_kind("**Requisitos Obrigatórios:**")[0] is Section.REQUIRED  # type: ignore[index]
    assert heading_kind("## Requisitos")[0] is Section.REQUIRED  # type: ignore[index]
    assert heading_kind("Diferenciais:")[0] is Section.OPTIONAL  # type: ignore[index]
    assert heading_kind("**Desejáveis:**")[0] is Section.OPTIONAL  # type: ignore[index]


def test_portuguese_and_spanish_duty_headings() -> None:
    for line in ("**Descrição da vaga**", "Responsabilidades:", "## Descripción del puesto"):
        assert heading_kind(line)[0] is Section.DUTIES, line  # type: ignore[index]


def test_portuguese_nice_to_haves_do_not_make_a_laundry_list() -> None:
    text = f"Requisitos\n- {TWELVE}\n\nDiferenciais:\n- Pandas, AWS, Linux\n"
    assert "laundry-list" not in rules_of(text)


# Pay with its period in brackets.


def test_a_period_in_brackets_after_the_range_is_read() -> None:
    (band,) = find_salary_bands("- Salary: Roughly in the range of €600 to €800 (monthly).")
    assert (band.low, band.high, band.currency, band.period) == (600, 800, "EUR", "month")


# Expectations written in Portuguese or Spanish.


def test_architecture_and_tests_in_portuguese_or_spanish_count() -> None:
    base = "Desenvolvedor Python Senior\n\n" + FILLER + "Python, Flask, SQLAlchemy, REST API.\n"
    assert {"no-architecture-expectation", "no-testing-expectation"} <= rules_of(base)
    pt = base + "Experiência em soluções de arquitetura de software e testes automatizados.\n"
    assert not {"no-architecture-expectation", "no-testing-expectation"} & rules_of(pt)
    es = base + "Experiencia en arquitectura de microservicios y pruebas unitarias.\n"
    assert not {"no-architecture-expectation", "no-testing-expectation"} & rules_of(es)


# Age limits and ranges.


def test_an_age_range_is_age_coded_wording() -> None:
    for phrase in (
        "between 20 and 30 years old",
        "aged 25-35",
        "under the age of 35",
        "under 35 years old",
    ):
        text = f"This job suits a developer {phrase} who loves learning."
        assert quotes_of(text, "exclusionary-wording") == [phrase], phrase


def test_numbers_that_are_not_an_age_limit_stay_silent() -> None:
    for text in (
        "Reply in under 30 minutes.",
        "A team of between 20 and 30 engineers.",
        "You must be over 18 years of age to apply.",
        "Nobody under 18 years of age may apply.",
        "Over 10 years of experience with Python.",
    ):
        assert quotes_of(text, "exclusionary-wording") == [], text


# Laundry list: alternatives and examples are one demand.


def test_alternatives_and_examples_count_as_one_demand() -> None:
    lines = (
        "- Python, Docker, Git, Kafka, Terraform, Celery, Helm\n"
        "- FastAPI, Django, or Flask for building APIs\n"
        "- SQL (PostgreSQL or MySQL), and optionally NoSQL (MongoDB, Redis)\n"
        "- Cloud platforms like AWS, GCP, or Azure\n"
        "- CI/CD (GitHub Actions, Jenkins, etc.)\n"
        "- JWT/OAuth2\n"
    )
    assert "laundry-list" not in rules_of("Requirements\n" + lines)


def test_a_plain_list_still_counts_every_technology() -> None:
    text = f"Requirements\n- {TWELVE}, Flask\n- AWS, GCP and Azure\n"
    assert "laundry-list" in rules_of(text)


def test_roles_titled_in_portuguese_spanish_or_german_are_developer_roles() -> None:
    body = "Vaga remota. Construímos APIs REST em Python para clínicas.\n"
    for title, senior in (
        ("Desenvolvedor Python Sênior", True),
        ("Desarrollador Backend Python", False),
        ("Python Entwickler (m/w/d)", False),
    ):
        role = profile_role(parse_document(body, title))
        assert role.is_python_web, title
        assert (role.title_level == "senior") is senior, title
    # The title field counts for the role even when the text never says "developer".
    assert profile_role(parse_document(body, "Backend Engineer")).is_python_web
    assert not profile_role(parse_document(body, "Analista de Dados")).is_python_web
