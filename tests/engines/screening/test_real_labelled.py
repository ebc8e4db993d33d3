"""Flags and fit on real, hand-labelled resumes (labels follow the flag spec).

Two parts: reworded resumes from public datasets and developers' published CVs
(``real_labelled/*.txt``, sources in ``real_labelled/SOURCES.md``), always measured;
and files of the local corpus of real CVs labelled in place
(``real_labelled/corpus_labels.toml``), measured with the rest when
``HIREKIT_CORPUS_DIR`` points at the corpus (tests marked ``corpus``). The set
measures the engine; labels were written before the engine ran on them. Assertions
name files and flags only, never the contents of a corpus CV.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.engines.screening.flag_scores import FLAGS, YELLOW, balanced_accuracy, tally, wrong_fits
from tests.resume_corpus import full_corpus

from hirekit.engines.guide import Guide
from hirekit.engines.screening import Result, analyse, screen

HERE = Path(__file__).parent / "real_labelled"
LABELS: dict[str, dict[str, Any]] = tomllib.loads((HERE / "labels.toml").read_text())
CORPUS_LABELS: dict[str, dict[str, Any]] = tomllib.loads((HERE / "corpus_labels.toml").read_text())

# (min precision, min recall), a little under the figures measured on the reworded
# part (75 resumes, 2026-12-07: flask_extensions recall 0.86, api_design 0.92,
# database_integration 0.88, testing precision 0.96, tutorial_only precision 0.95,
# no_extensions precision 0.98, no_testing recall 0.97, fit balanced accuracy 0.88, the
# rest 1.00; README "How sure the checks are" has the full table). Misses that remain:
# flask_extensions - an extension the candidate wrote is not a known name;
# api_design - "download endpoints" and webhooks listed under "What I built";
# database_integration - a database behind a course project named only as "SQL",
# a MAMP setup, a misspelt ORM, DynamoDB far from the sentence's verb, "optimised
# database queries" beside Redis with no application named;
# testing - Selenium in a frameworks list of a developer who used it for automation;
# tutorial_only - a senior developer's "about" page that names no employer.
FLOORS: dict[str, tuple[float, float]] = {
    "production_scale": (0.95, 0.95),
    "blueprints_or_factory": (0.95, 0.95),
    "flask_extensions": (0.95, 0.8),
    "api_design": (0.95, 0.88),
    "database_integration": (0.95, 0.85),
    "testing": (0.9, 0.95),
    "tutorial_only": (0.9, 0.95),
    "no_structure": (0.95, 0.95),
    "generic_python": (0.95, 0.95),
    "no_extensions": (0.95, 0.95),
    "no_testing": (0.95, 0.95),
}
MIN_FIT_BALANCED_ACCURACY = 0.85


def _flags(label: dict[str, Any]) -> set[str]:
    return {str(f) for f in label["flags"]}


def _corpus() -> Path:
    return full_corpus()


@pytest.fixture(scope="module")
def results(guide: Guide) -> dict[str, Result]:
    return {
        name: analyse((HERE / f"{name}.txt").read_text(), "rest-api", guide, name)
        for name in LABELS
    }


def test_every_resume_is_labelled() -> None:
    assert len(LABELS) >= 45
    assert {p.stem for p in HERE.glob("*.txt")} == set(LABELS)
    for label in (*LABELS.values(), *CORPUS_LABELS.values()):
        assert _flags(label) <= set(FLAGS)
        assert label["fit"] in ("strong", "possible", "no")
        assert isinstance(label["mentions_flask"], bool)
        assert isinstance(label["why"], str) and label["why"]
    assert set(FLOORS) == set(FLAGS)


def test_both_sides_of_the_python_line() -> None:
    with_yellow = [n for n, label in LABELS.items() if _flags(label) & set(YELLOW)]
    without = [n for n, label in LABELS.items() if not _flags(label) & set(YELLOW)]
    assert len(with_yellow) >= 10 and len(without) >= 10


@pytest.mark.parametrize("flag", sorted(FLOORS))
def test_flag_precision_and_recall(flag: str, results: dict[str, Result]) -> None:
    assert all(result.error is None for result in results.values())
    counted = tally(flag, {n: (_flags(LABELS[n]), r.flag_ids()) for n, r in results.items()})
    assert counted.support > 0, f"no resume expects {flag}"
    min_precision, min_recall = FLOORS[flag]
    precision = 1.0 if counted.precision is None else counted.precision
    assert precision >= min_precision, (flag, precision, counted.wrong)
    assert (counted.recall or 0.0) >= min_recall, (flag, counted.recall, counted.wrong)


def test_fit_bands(results: dict[str, Result]) -> None:
    pairs = {name: (str(LABELS[name]["fit"]), r.fit) for name, r in results.items()}
    accuracy = balanced_accuracy(pairs)
    assert accuracy is not None and accuracy >= MIN_FIT_BALANCED_ACCURACY, wrong_fits(pairs)


def test_no_false_mentions_flask(results: dict[str, Result]) -> None:
    false = [n for n, r in results.items() if r.mentions_flask and not LABELS[n]["mentions_flask"]]
    assert false == []


def test_evidence_quotes_match_offsets(results: dict[str, Result]) -> None:
    for name, result in results.items():
        assert sum(c.points for c in result.contributions) == result.score, name
        for flag in (*result.green_flags, *result.yellow_flags):
            assert flag.evidence, name
            for item in flag.evidence:
                assert result.text[item.start : item.end] == item.quote, name


# Misses allowed per flag on the corpus part (measured 2026-12-07: database_integration
# 4, tutorial_only 1, the rest 0; one allowed elsewhere as before).
_CORPUS_MISSES = {"database_integration": 4, "tutorial_only": 1}


@pytest.mark.corpus("resumes")
def test_corpus_part(guide: Guide) -> None:
    """The corpus files: no Python web developer among them, so every fit is "no"; the
    four that name Python get yellow flags; no false flag, and misses only as README
    names them (database_integration: a project's "SQL", an unnamed or packaged
    database, data loading; tutorial_only: one skills line under an unread heading)."""
    corpus = _corpus()
    found = {name: screen(corpus / name, guide=guide) for name in CORPUS_LABELS}
    assert len(found) >= 80
    assert all(r.error is None for r in found.values())
    assert all(r.fit == CORPUS_LABELS[n]["fit"] for n, r in found.items())
    assert all(not r.mentions_flask for r in found.values())
    outcomes = {n: (_flags(CORPUS_LABELS[n]), r.flag_ids()) for n, r in found.items()}
    for flag in FLAGS:
        counted = tally(flag, outcomes)
        assert counted.false_pos == 0, (flag, counted.wrong)
        assert counted.false_neg <= _CORPUS_MISSES.get(flag, 1), (flag, counted.wrong)
