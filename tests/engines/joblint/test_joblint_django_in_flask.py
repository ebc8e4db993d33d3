from __future__ import annotations

import pytest
from tests.engines.joblint.joblint_helpers import quotes_of

from hirekit.engines.joblint import lint_job

RULE = "django-in-flask-role"
FLASK_ROLE = "Backend Engineer (Flask)\n\nWe build our API with Flask.\n\nRequirements\n"


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("- Strong experience with the Django ORM", "Django ORM"),
        ("- Django admin customisation", "Django admin"),
        ("- Django REST Framework (DRF)", "Django REST Framework"),
        ("- DRF serializers and viewsets", "DRF"),
        ("- Django required", "Django"),
    ],
)
def test_django_required_in_a_flask_role_is_quoted(line: str, quote: str) -> None:
    assert quotes_of(FLASK_ROLE + line + "\n", RULE) == [quote]


@pytest.mark.parametrize(
    "line",
    [
        "- Flask or Django",
        "- Experience with Django, Flask or FastAPI",
        "- A Python web framework such as Django",
        "- Flask/Django",
        "- Django is a plus",
        "- We are migrating away from our legacy Django monolith",
    ],
)
def test_alternatives_and_context_are_fine(line: str) -> None:
    assert quotes_of(FLASK_ROLE + line + "\n", RULE) == []


def test_django_in_nice_to_have_section_is_fine() -> None:
    text = FLASK_ROLE + "- Python, SQLAlchemy\n\nNice to have\n- Django ORM, Django admin\n"
    assert quotes_of(text, RULE) == []


def test_django_role_may_require_django() -> None:
    text = "Senior Django Developer\n\nRequirements\n- Django ORM, DRF\n- Some Flask\n"
    assert quotes_of(text, RULE) == []


def test_post_without_flask_is_not_a_flask_role() -> None:
    text = "Python Developer\n\nRequirements\n- Strong Django ORM skills\n"
    assert quotes_of(text, RULE) == []


def test_without_headings_a_sentence_must_read_as_a_demand() -> None:
    demand = "We build with Flask. You have strong experience with the Django admin."
    story = "We build with Flask. Our ops team still uses the Django admin internally."
    assert quotes_of(demand, RULE) == ["Django admin"]
    assert quotes_of(story, RULE) == []


def test_the_job_title_field_decides_the_role_when_given() -> None:
    # In the app the title is a field of its own and the description may open
    # with anything ("About us"): the title field, not the first line, is read.
    body = "About us\n\nWe keep a few Flask services running.\n\nRequirements\n"
    body += "- Strong experience with the Django ORM\n"
    # (A short post is still judged for what it lacks: tests, architecture, pay.)
    assert RULE in lint_job(body, title="Backend Engineer (Flask)").rules
    assert RULE not in lint_job(body, title="Senior Django Developer").rules
    assert RULE not in lint_job("Senior Django Developer\n\n" + body).rules
