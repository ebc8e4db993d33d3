"""Kit generation: only the use case's guide questions, sized by level, deterministic."""

from __future__ import annotations

import json
from io import StringIO

import pytest

from hirekit.engines.guide import default_guide
from hirekit.engines.interviewkit import KIT_SIZES, generate_kit
from hirekit.engines.interviewkit.cli_entry import run_cli

GUIDE = default_guide()


@pytest.mark.parametrize("use_case", ["rest-api", "microservices", "full-stack"])
@pytest.mark.parametrize("level", ["junior", "mid", "senior"])
def test_a_kit_holds_only_guide_questions_of_its_use_case(use_case, level):
    kit = generate_kit(GUIDE, use_case, level)
    assert 8 <= len(kit.questions) <= 12
    assert len(kit.questions) == KIT_SIZES[level]
    for q in kit.questions:
        source = GUIDE.question(q.id)
        assert use_case in source.use_cases
        assert (q.question, q.junior, q.senior, q.red_flag) == (
            source.text,
            source.junior,
            source.senior,
            source.red_flag,
        )
    assert kit.focus == GUIDE.use_cases[use_case].interview_focus
    assert len({q.id for q in kit.questions}) == len(kit.questions)


def test_the_same_inputs_give_the_same_kit_in_guide_order():
    first = generate_kit(GUIDE, "rest-api", "mid")
    assert first == generate_kit(GUIDE, "rest-api", "mid")
    order = [q.id for q in GUIDE.questions]
    ids = [q.id for q in first.questions]
    assert ids == sorted(ids, key=order.index)


def test_seniors_get_more_architecture_and_performance_than_juniors():
    weighty = {"app-structure", "service-communication", "performance", "deployment"}
    for use_case in ("rest-api", "microservices", "full-stack"):
        junior = generate_kit(GUIDE, use_case, "junior")
        senior = generate_kit(GUIDE, use_case, "senior")
        count = lambda kit: sum(q.topic in weighty for q in kit.questions)  # noqa: E731
        assert count(senior) > count(junior), use_case


def test_unknown_use_case_or_level_is_refused():
    with pytest.raises(ValueError, match="use case"):
        generate_kit(GUIDE, "desktop", "mid")
    with pytest.raises(ValueError, match="level"):
        generate_kit(GUIDE, "rest-api", "principal")


def test_cli_json_shape():
    out = StringIO()
    assert run_cli(GUIDE, "microservices", "senior", "json", out) == 0
    data = json.loads(out.getvalue())
    assert set(data) == {"use_case", "level", "focus", "questions"}
    assert data["use_case"] == "microservices" and data["level"] == "senior"
    keys = {"id", "question", "topic", "use_cases", "junior", "senior", "red_flag"}
    assert all(set(q) == keys for q in data["questions"])
    assert all("microservices" in q["use_cases"] for q in data["questions"])


def test_cli_text_and_bad_level():
    out = StringIO()
    assert run_cli(GUIDE, "full-stack", "junior", "text", out) == 0
    assert "junior:" in out.getvalue() and "senior:" in out.getvalue()
    assert run_cli(GUIDE, "full-stack", "lead", "text", StringIO()) == 2
