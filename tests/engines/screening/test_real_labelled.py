"""Per-flag precision and recall on real, hand-labelled resumes.

Two parts, measured together: reworded resumes from public datasets
(``real_labelled/*.txt``, sources in ``real_labelled/SOURCES.md``) and files of the
local corpus of real CVs labelled in place (``real_labelled/corpus_labels.toml``,
read from ``HIREKIT_CORPUS_DIR``).
The set measures the engine; it is not used to tune scoring. Assertions name files
and flags only, never the contents of a corpus CV.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from tests.engines.screening.flag_scores import FLAGS, YELLOW, tally
from tests.resume_corpus import full_corpus

from hirekit.engines.guide import Guide
from hirekit.engines.screening import Result, analyse, screen

HERE = Path(__file__).parent / "real_labelled"
LABELS: dict[str, dict[str, object]] = tomllib.loads((HERE / "labels.toml").read_text())
CORPUS_LABELS: dict[str, dict[str, object]] = tomllib.loads(
    (HERE / "corpus_labels.toml").read_text()
)

# (min precision, min recall) as measured on the current engine. A wrong green flag
# costs the company, so every green flag has its precision asserted; the target for
# green precision is 0.9.
FLOORS: dict[str, tuple[float, float]] = {
    # Four positives (a Flask API at 200 requests a day, two impact percentages on
    # Flask work, a Flask app for 1,000+ employees); no false alarm on numbers that
    # belong to non-Flask work beside them (200K requests per second in a later job,
    # 35% on DRF/FastAPI, 99% uptime of a Pi service) or on "serving enterprise
    # clients" and "at scale" without a figure.
    "production_scale": (1.0, 1.0),
    # Four positives, two of them inside homework or a university unit project.
    # "Modular layout with separate layers" is rightly not raised.
    "blueprints_or_factory": (1.0, 1.0),
    # Recall 5/6: a Flask extension the candidate wrote (its own package name) is
    # not in the skills taxonomy, so only listed, known extensions count.
    "flask_extensions": (1.0, 0.83),
    # Recall 15/18: "a direct message API" and webhooks of a SaaS, "download and
    # webhook endpoints", and "working on rest and restful api's" are missed.
    "api_design": (1.0, 0.83),
    # Recall 14/24: MySQL through an unnamed ORM, a misspelt ORM ("SQLAlechemy") with
    # a MAMP database, SQL in a course project, a SQLite file whose tables the routes
    # read and delete, MongoDB aggregation queries behind a tool, a database
    # operations module and several corpus CVs are missed. Precision is 1.0.
    "database_integration": (1.0, 0.58),
    # One false alarm: manual "unit test scenarios" recorded in a test management tool.
    "testing": (0.95, 1.0),
    # GAP: recall 1/5. Four of the five are project write-ups that name the
    # course once for the whole text: in a title line far from the Flask
    # sentences ("LC101 Project", "CS50 IDE" five sentences on, a university
    # unit before a separate overview), or with Flask only inside a list-like
    # sentence ("CSS, Javascript, Python, HTML, Flask, and SQL"). A course word
    # must sit within two sentences of every prose Flask mention, which keeps
    # the flag off real projects beside a course one. Precision holds.
    "tutorial_only": (1.0, 0.2),
    "no_structure": (1.0, 1.0),
    "generic_python": (1.0, 1.0),
    # One false alarm, the mirror of the flask_extensions miss above.
    "no_extensions": (0.95, 1.0),
    "no_testing": (1.0, 1.0),
}

pytestmark = pytest.mark.corpus("resumes")


def _flags(label: dict[str, object]) -> set[str]:
    flags = label["flags"]
    assert isinstance(flags, list)
    return {str(f) for f in flags}


EXPECTED: dict[str, set[str]] = {
    **{name: _flags(label) for name, label in LABELS.items()},
    **{name: _flags(label) for name, label in CORPUS_LABELS.items()},
}


@pytest.fixture(scope="module")
def results(guide: Guide) -> dict[str, Result]:
    found = {
        name: analyse((HERE / f"{name}.txt").read_text(), "rest-api", guide, name)
        for name in LABELS
    }
    corpus = full_corpus()
    for name in CORPUS_LABELS:
        found[name] = screen(corpus / name, guide=guide)
    return found


def test_every_resume_is_labelled() -> None:
    assert len(EXPECTED) >= 60
    assert {p.stem for p in HERE.glob("*.txt")} == set(LABELS)
    assert len(CORPUS_LABELS) >= 15
    corpus = full_corpus()
    for name in CORPUS_LABELS:
        assert (corpus / name).is_file(), name
    for label in (*LABELS.values(), *CORPUS_LABELS.values()):
        assert _flags(label) <= set(FLAGS)
        assert isinstance(label["why"], str) and label["why"]
    assert set(FLOORS) == set(FLAGS)


def test_yellow_flags_only_for_python_resumes() -> None:
    # By the labels: a resume without a yellow flag label claims no Python, so
    # the set holds resumes on both sides of that line.
    with_yellow = [n for n, flags in EXPECTED.items() if flags & set(YELLOW)]
    without = [n for n, flags in EXPECTED.items() if not flags & set(YELLOW)]
    assert len(with_yellow) >= 10 and len(without) >= 10


@pytest.mark.parametrize("flag", sorted(FLOORS))
def test_flag_precision_and_recall(flag: str, results: dict[str, Result]) -> None:
    assert all(result.error is None for result in results.values())
    counted = tally(flag, {n: (EXPECTED[n], r.flag_ids()) for n, r in results.items()})
    assert counted.support > 0, f"no resume expects {flag}"
    min_precision, min_recall = FLOORS[flag]
    precision = 1.0 if counted.precision is None else counted.precision
    assert precision >= min_precision, (flag, precision, counted.wrong)
    assert (counted.recall or 0.0) >= min_recall, (flag, counted.recall, counted.wrong)


def test_evidence_quotes_match_offsets(results: dict[str, Result]) -> None:
    for name, result in results.items():
        for flag in (*result.green_flags, *result.yellow_flags):
            assert flag.evidence, name
            for item in flag.evidence:
                assert result.text[item.start : item.end] == item.quote, name
