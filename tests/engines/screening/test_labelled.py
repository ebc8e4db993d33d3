"""Per-flag precision and recall on fictional, hand-labelled resumes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hirekit.engines.guide import Guide
from hirekit.engines.screening import Result, analyse

HERE = Path(__file__).parent / "labelled"
LABELS: dict[str, dict[str, list[str]]] = tomllib.loads((HERE / "labels.toml").read_text())
FLAGS = (
    "production_scale", "blueprints_or_factory", "flask_extensions", "api_design",
    "database_integration", "testing", "tutorial_only", "no_structure", "generic_python",
    "no_extensions", "no_testing",
)  # fmt: skip
MIN_PRECISION = 0.9
MIN_RECALL = 0.8


@pytest.fixture(scope="module")
def results(guide: Guide) -> dict[str, Result]:
    return {
        name: analyse((HERE / f"{name}.txt").read_text(), "rest-api", guide, name)
        for name in LABELS
    }


def test_every_fixture_is_labelled() -> None:
    assert len(LABELS) >= 40
    assert {p.stem for p in HERE.glob("*.txt")} == set(LABELS)
    for label in LABELS.values():
        assert set(label["flags"]) <= set(FLAGS)


@pytest.mark.parametrize("flag", FLAGS)
def test_flag_precision_and_recall(flag: str, results: dict[str, Result]) -> None:
    true_pos = false_pos = false_neg = 0
    wrong: list[str] = []
    for name, result in results.items():
        expected = flag in LABELS[name]["flags"]
        raised = flag in result.flag_ids()
        true_pos += expected and raised
        false_pos += raised and not expected
        false_neg += expected and not raised
        if expected != raised:
            wrong.append(name)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    assert true_pos + false_neg > 0, f"no fixture expects {flag}"
    assert precision >= MIN_PRECISION, (flag, precision, wrong)
    assert recall >= MIN_RECALL, (flag, recall, wrong)


def test_evidence_quotes_match_offsets(results: dict[str, Result]) -> None:
    for result in results.values():
        for flag in (*result.green_flags, *result.yellow_flags):
            assert flag.evidence
            for item in flag.evidence:
                assert result.text[item.start : item.end] == item.quote


def test_strong_developer_outscores_tutorial_only(results: dict[str, Result]) -> None:
    assert results["strong_payments"].fit == "strong"
    assert results["weak_todo"].fit == "no"
    assert results["strong_payments"].score > results["weak_todo"].score
