"""Calibration figures for a worked example, and spreads / disagreements."""

from __future__ import annotations

import pytest

from hirekit.engines.interviewkit import CalibrationRating, calibrate, spreads


def _r(rater, candidate, item, rating):
    return CalibrationRating(rater, candidate, item, rating)


def test_worked_example():
    # Candidate X: harsh H means (1+2)/2 = 1.5; A means 3; B means 3.
    # Candidate Y: H 2; A 4; B 3.
    ratings = [
        _r("H", "X", "q1", 1),
        _r("H", "X", "q2", 2),
        _r("A", "X", "q1", 3),
        _r("A", "X", "q2", 3),
        _r("B", "X", "q1", 3),
        _r("B", "X", "q2", 3),
        _r("H", "Y", "q1", 2),
        _r("A", "Y", "q1", 4),
        _r("B", "Y", "q1", 3),
        _r("S", "Z", "q1", 4),  # alone on a panel: nothing to compare with
    ]
    rows = {row.rater: row for row in calibrate(ratings)}
    # H: X 1.5 - 3 = -1.5; Y 2 - 3.5 = -1.5 -> mean -1.5, spread 0
    assert rows["H"].mean_offset == -1.5 and rows["H"].spread == 0.0
    assert rows["H"].leaning == "harsh" and rows["H"].candidates == 2
    # A: X 3 - 2.25 = 0.75; Y 4 - 2.5 = 1.5 -> mean 1.125, spread 0.375
    assert rows["A"].mean_offset == pytest.approx(1.12, abs=0.01)
    assert rows["A"].spread == pytest.approx(0.38, abs=0.01)
    assert rows["A"].leaning == "lenient"
    # B: X 3 - 2.25 = 0.75; Y 3 - 3 = 0 -> mean 0.375, spread 0.375
    assert rows["B"].mean_offset == pytest.approx(0.38, abs=0.01)
    assert rows["B"].leaning == "in line"
    assert rows["S"].candidates == 0 and rows["S"].leaning == "no shared candidates"
    assert rows["H"].ratings == 3


def test_spreads_flag_two_points_apart():
    out = spreads({"A": {"q1": 4, "q2": 3, "q3": None}, "B": {"q1": 2, "q2": 2}})
    by_item = {s.item: s for s in out}
    assert set(by_item) == {"q1", "q2"}
    assert by_item["q1"].spread == 2 and by_item["q1"].disagreement
    assert by_item["q2"].spread == 1 and not by_item["q2"].disagreement
    assert by_item["q1"].mean == 3.0
