"""The packaged Flask guide: it validates and carries the facts other parts rely on."""

from __future__ import annotations

import importlib.resources
from collections import Counter
from pathlib import Path

import pytest

from hirekit.engines.guide import TOPICS, USE_CASES, Guide, default_guide, load_guide

GREEN = (
    "production_scale",
    "blueprints_or_factory",
    "flask_extensions",
    "api_design",
    "database_integration",
    "testing",
)
YELLOW = ("tutorial_only", "no_structure", "generic_python", "no_extensions", "no_testing")


@pytest.fixture(scope="module")
def guide() -> Guide:
    return default_guide()


def test_default_guide_is_parsed_once_and_matches_the_file(guide: Guide) -> None:
    assert default_guide() is guide
    path = Path(str(importlib.resources.files("hirekit.guides") / "flask.toml"))
    assert load_guide(path) == guide


def test_identity(guide: Guide) -> None:
    assert guide.slug == "flask"
    assert guide.role == "Flask developer"


def test_market_snapshot(guide: Guide) -> None:
    m = guide.market
    assert (m.region, m.currency) == ("US", "USD")
    assert (m.senior_salary_min, m.senior_salary_max) == (145_000, 190_000)
    assert m.hiring_difficulty == "hard"
    assert (m.time_to_hire_weeks_min, m.time_to_hire_weeks_max) == (4, 5)


def test_flags_have_the_agreed_ids_kinds_and_text(guide: Guide) -> None:
    assert tuple(f.id for f in guide.green_flags) == GREEN
    assert tuple(f.id for f in guide.yellow_flags) == YELLOW
    assert {f.kind for f in guide.green_flags} == {"green"}
    assert {f.kind for f in guide.yellow_flags} == {"yellow"}
    assert all(f.label and f.description for f in guide.flags)
    assert guide.flag("api_design").kind == "green"
    with pytest.raises(KeyError):
        guide.flag("bogus")


def test_use_cases_are_the_three_with_full_signed_weights(guide: Guide) -> None:
    assert tuple(guide.use_cases) == USE_CASES
    for slug, case in guide.use_cases.items():
        assert case.slug == slug
        assert case.priorities and case.interview_focus and case.red_flag
        assert set(case.weights) == set(GREEN) | set(YELLOW)
        assert all(case.weights[f] > 0 for f in GREEN)
        assert all(case.weights[f] < 0 for f in YELLOW)


def _top(guide: Guide, use_case: str) -> set[str]:
    weights = guide.use_cases[use_case].weights
    best = max(weights.values())
    return {flag for flag, w in weights.items() if w == best}


def test_weights_follow_each_use_case_priorities(guide: Guide) -> None:
    assert _top(guide, "rest-api") == {"api_design"}
    assert _top(guide, "microservices") == {"production_scale", "api_design"}
    assert _top(guide, "full-stack") == {"database_integration"}
    full_stack = guide.use_cases["full-stack"].weights
    # forms evidence (Flask-WTF) is carried by the extensions flag
    assert full_stack["flask_extensions"] > guide.use_cases["rest-api"].weights["flask_extensions"]


def test_questions_cover_every_use_case_and_topic(guide: Guide) -> None:
    assert len(guide.questions) >= 36
    for use_case in USE_CASES:
        assert len(guide.questions_for(use_case)) >= 14, use_case
    per_topic = Counter(q.topic for q in guide.questions)
    assert set(per_topic) == set(TOPICS)
    assert set(guide.topics) == set(TOPICS)


def test_every_question_is_complete(guide: Guide) -> None:
    for q in guide.questions:
        assert len(q.text.split()) >= 5, q.id
        assert 1 <= len(q.use_cases) <= 3, q.id
        assert q.junior and q.senior and q.red_flag, q.id
        assert q.junior != q.senior, q.id


@pytest.mark.parametrize(
    ("question_id", "topic", "senior_terms"),
    [
        ("flask-philosophy", "philosophy", ("micro framework", "extensions")),
        ("structure-large-app", "app-structure", ("blueprints", "application factory")),
        ("database-connections", "database", ("pool", "session", "tests")),
    ],
)
def test_the_source_questions_keep_their_signals(
    guide: Guide, question_id: str, topic: str, senior_terms: tuple[str, ...]
) -> None:
    q = guide.question(question_id)
    assert q.topic == topic
    assert set(q.use_cases) == set(USE_CASES)
    assert all(term in q.senior.lower() for term in senior_terms)


def test_junior_signals_of_the_source_questions(guide: Guide) -> None:
    assert "app.py" in guide.question("structure-large-app").junior
    assert "Flask-SQLAlchemy" in guide.question("database-connections").junior


def test_builds_name_the_work_and_the_companies(guide: Guide) -> None:
    titles = [b.title for b in guide.builds]
    assert titles == ["REST APIs", "Web applications", "Microservices"]
    companies = " ".join(guide.builds[0].companies)
    for name in ("Netflix", "LinkedIn", "Pinterest", "Reddit"):
        assert name in companies
    assert all(b.examples for b in guide.builds)


def test_flask_versus_django_tradeoff(guide: Guide) -> None:
    (comparison,) = guide.comparisons
    assert comparison.id == "flask-vs-django"
    assert [s.framework for s in comparison.sides] == ["Flask", "Django"]
    assert all(len(s.points) == 4 for s in comparison.sides)
    assert "Flask" in comparison.verdict and "Django" in comparison.verdict


def test_skills_profile(guide: Guide) -> None:
    titles = [s.title for s in guide.skills]
    assert titles == ["Flask's philosophy", "Architecture", "Python fundamentals"]
    assert "Django" in guide.skills[0].red_flag
    fundamentals = " ".join(guide.skills[2].skills)
    for concept in ("WSGI", "request", "session", "g", "Decorators", "PEP 8"):
        assert concept in fundamentals


def test_glossary_has_the_core_terms_and_more(guide: Guide) -> None:
    terms = {t.term for t in guide.glossary}
    required = {
        "Blueprint",
        "Application factory",
        "Flask-SQLAlchemy",
        "Flask-Login",
        "Flask-RESTful",
        "WSGI",
        "Jinja2",
    }
    assert required <= terms
    assert len(terms - required) >= 3


def test_hiring_mistakes(guide: Guide) -> None:
    assert [m.id for m in guide.mistakes] == [
        "treating-flask-like-django",
        "ignoring-architecture",
        "overemphasizing-framework-years",
        "missing-extension-knowledge",
    ]
    years = guide.mistakes[2]
    assert "5+ years" in years.problem
    assert all(m.problem and m.fix for m in guide.mistakes)


def test_faq_says_hire_for_python_fundamentals(guide: Guide) -> None:
    (entry,) = guide.faq
    assert "days" in entry.answer
    assert "Python fundamentals" in entry.answer


def test_guide_mappings_are_read_only(guide: Guide) -> None:
    with pytest.raises(TypeError):
        guide.use_cases["rest-api"] = guide.use_cases["full-stack"]  # type: ignore[index]
    with pytest.raises(TypeError):
        guide.use_cases["rest-api"].weights["testing"] = 0.0  # type: ignore[index]
