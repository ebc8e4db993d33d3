"""One percentile definition: Python reference, window form and percentile_cont agree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import literal, select, union_all

from hirekit.reports.percentiles import grouped_percentiles, percentile


def test_reference_definition_is_linear_interpolation():
    assert percentile(0.5, [1, 2, 3, 4]) == pytest.approx(2.5)
    assert percentile(0.75, [20, 28, 35, 40]) == pytest.approx(36.25)
    assert percentile(0.5, [7]) == 7.0
    assert percentile(0.5, []) is None
    with pytest.raises(ValueError):
        percentile(1.5, [1])


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40))
@settings(max_examples=30)
def test_reference_matches_sorted_interpolation(values):
    ordered = sorted(values)
    pos = 0.75 * (len(ordered) - 1)
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    expected = ordered[low] + (pos - low) * (ordered[high] - ordered[low])
    assert percentile(0.75, values) == pytest.approx(expected)


GROUPS = {"a": [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0], "b": [2.5], "c": [10.0, 0.0, 7.25]}


def _rows():
    parts = [
        select(literal(group).label("grp"), literal(value).label("value"))
        for group, values in GROUPS.items()
        for value in values
    ]
    return union_all(*parts)


@pytest.mark.parametrize("portable", [True, None])
def test_sql_percentiles_equal_the_reference(app, db, portable):
    result = grouped_percentiles(_rows(), (0.5, 0.75, 0.9), portable=portable)
    for group, values in GROUPS.items():
        assert result[group].count == len(values)
        for p in (0.5, 0.75, 0.9):
            assert result[group].values[p] == pytest.approx(percentile(p, values)), (group, p)


def test_window_form_and_native_agree_on_this_backend(app, db):
    native = grouped_percentiles(_rows())
    window = grouped_percentiles(_rows(), portable=True)
    assert native.keys() == window.keys() == GROUPS.keys()
    for group in GROUPS:
        assert native[group].count == window[group].count
        assert native[group].values == pytest.approx(window[group].values)
