"""Level estimate for constructed panels, against figures computed by hand."""

from __future__ import annotations

import pytest

from hirekit.engines.interviewkit import QuestionRating, estimate_level, relevance

ALL = ("rest-api", "microservices", "full-stack")


def test_relevance():
    assert relevance(ALL, "rest-api") == 1.0
    assert relevance(("rest-api", "microservices"), "rest-api") == 1.5
    assert relevance(("rest-api",), "rest-api") == 3.0
    assert relevance(("full-stack",), "rest-api") == 0.5
    assert relevance((), "rest-api") == 1.0


def test_unanimous_senior_panel_is_senior_with_full_confidence():
    ratings = [QuestionRating(f"q{i}", r, 4, ALL) for i in range(6) for r in ("A", "B")]
    est = estimate_level(ratings, "rest-api")
    # score 4.0; margin min(1, 0.5/0.5) = 1; agreement 1; coverage 6/6 = 1.
    assert (est.level, est.score, est.confidence) == ("senior", 4.0, 1.0)
    assert est.confidence_label == "high"


def test_weighted_panel_matches_hand_computation():
    # Two raters, three questions:
    #   q1 rest-api only (weight 3): A 4, B 2
    #   q2 all use cases (weight 1): A 3, B 3
    #   q3 full-stack only (weight 0.5): A 1, B 1
    ratings = [
        QuestionRating("q1", "A", 4, ("rest-api",)),
        QuestionRating("q1", "B", 2, ("rest-api",)),
        QuestionRating("q2", "A", 3, ALL),
        QuestionRating("q2", "B", 3, ALL),
        QuestionRating("q3", "A", 1, ("full-stack",)),
        QuestionRating("q3", "B", 1, ("full-stack",)),
    ]
    est = estimate_level(ratings, "rest-api")
    # total weight 3 + 3 + 1 + 1 + 0.5 + 0.5 = 9; weighted sum per rating:
    # 3*4 + 3*2 + 1*3 + 1*3 + 0.5*1 + 0.5*1 = 12 + 6 + 3 + 3 + 1 = 25 -> 25/9 = 2.777...
    assert est.score == pytest.approx(2.78)
    assert est.level == "mid"
    # margin: min(2.778-2.5, 3.5-2.778) = 0.2778 -> /0.5 = 0.5556
    # variance: (3*1.494 + 3*0.605 + 2*0.0494 + 1*3.160) / 9 = 1.0617 -> sd 1.0304
    # agreement: 1 - 1.0304/1.5 = 0.3131; coverage 3/6 = 0.5
    # confidence: (0.5 + 0.2778) * 0.3131 * 0.5 = 0.1218
    assert est.margin == pytest.approx(0.56)
    assert est.agreement == pytest.approx(0.31)
    assert est.coverage == 0.5
    assert est.confidence == pytest.approx(0.12)
    assert est.confidence_label == "low"
    assert est.drivers[0].question_id == "q1" and est.drivers[0].weight == 3.0
    assert est.drivers[0].mean == 3.0 and est.drivers[0].anchor == "mid"


def test_band_edges():
    junior = estimate_level([QuestionRating("q", "A", 2)], "rest-api")
    assert junior.level == "junior" and junior.score == 2.0
    edge = estimate_level([QuestionRating("q", "A", 2), QuestionRating("q", "B", 3)], "rest-api")
    assert edge.score == 2.5 and edge.level == "mid" and edge.margin == 0.0


def test_no_ratings_and_bad_ratings():
    assert estimate_level([], "rest-api").level == ""
    with pytest.raises(ValueError):
        estimate_level([QuestionRating("q", "A", 0)], "rest-api")
