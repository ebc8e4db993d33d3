"""Per-flag precision and recall on fictional, hand-labelled resumes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from tests.engines.screening.flag_scores import FLAGS, tally

from hirekit.engines.guide import Guide
from hirekit.engines.screening import Result, analyse

HERE = Path(__file__).parent / "labelled"
LABELS: dict[str, dict[str, list[str]]] = tomllib.loads((HERE / "labels.toml").read_text())
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
    expected = {name: set(LABELS[name]["flags"]) for name in results}
    counted = tally(flag, {n: (expected[n], r.flag_ids()) for n, r in results.items()})
    assert counted.support > 0, f"no fixture expects {flag}"
    precision = 1.0 if counted.precision is None else counted.precision
    assert precision >= MIN_PRECISION, (flag, precision, counted.wrong)
    assert (counted.recall or 0.0) >= MIN_RECALL, (flag, counted.recall, counted.wrong)


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
