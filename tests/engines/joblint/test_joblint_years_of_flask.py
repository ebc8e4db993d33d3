from __future__ import annotations

import pytest
from tests.engines.joblint.joblint_helpers import quotes_of

RULE = "years-of-flask"


@pytest.mark.parametrize(
    ("line", "quote"),
    [
        ("- 5+ years of Flask", "5+ years of Flask"),
        ("- Flask (3+ yrs)", "Flask (3+ yrs)"),
        ("Minimum 4 years experience with Flask.", "4 years experience with Flask"),
        (
            "At least five years' professional experience in Flask.",
            "five years' professional experience in Flask",
        ),
        ("- 3-5 years of Flask development", "3-5 years of Flask"),
        ("- 5 yrs Flask", "5 yrs Flask"),
        ("Flask: 4+ years", "Flask: 4+ years"),
        ("- Flask experience (5+ years)", "Flask experience (5+ years"),
        ("You have worked with Flask for 6 years.", "worked with Flask for 6 years"),
    ],
)
def test_years_demanded_of_flask_are_quoted(line: str, quote: str) -> None:
    assert quotes_of(f"Requirements\n{line}\n", RULE) == [quote]


@pytest.mark.parametrize(
    "line",
    [
        "- 5+ years of Python; Flask experience a plus",
        "- 5+ years of Python, including Flask",
        "- 5+ years of Python/Flask",
        "- 6+ years of backend development with Python and Flask",
        "- Python (5+ years), Flask",
        "- 5+ years of experience with Python web frameworks such as Flask",
        "Our Flask codebase is 5 years old and well tested.",
        "We have used Flask for 8 years.",
        "- Flask 2.3 or later, Python 3.11",
        "- Flask: 5 years of Python is what matters to us",
    ],
)
def test_years_of_python_near_flask_are_fine(line: str) -> None:
    assert quotes_of(f"Requirements\n{line}\n", RULE) == []


def test_years_of_flask_as_a_nice_to_have_is_not_raised() -> None:
    text = "Requirements\n- 4+ years of Python\nNice to have\n- 2+ years of Flask\n"
    assert quotes_of(text, RULE) == []


def test_issue_links_to_the_guide_mistake() -> None:
    from hirekit.engines.joblint import lint_job

    (issue,) = [i for i in lint_job("- 5+ years of Flask").issues if i.rule == "years-of-flask"]
    assert issue.mistake == "overemphasizing-framework-years"
    assert "Asking for years of Flask" in issue.message


@pytest.mark.parametrize(
    "text",
    ["- 3+ years with Python and Flask", "- 2 anos de experiência com Flask",
     "- 4 años de experiencia con Flask", "- 3 Jahre Erfahrung mit Flask"],
)  # fmt: skip
def test_years_joined_to_flask_in_a_list_or_another_language(text: str) -> None:
    assert quotes_of(text, "years-of-flask")


@pytest.mark.parametrize(
    "text",
    ["- 3+ years in Python, Django or Flask", "- expertise in Flask",
     "- 5 years of Python\n- Flask", "- 3 years of Python and Django, Flask a plus"],
)  # fmt: skip
def test_years_not_tied_to_flask_alone(text: str) -> None:
    assert not quotes_of(text, "years-of-flask")
