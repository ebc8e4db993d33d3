"""One guard for every CSV download: spreadsheet formulas become text, figures stay figures."""

from __future__ import annotations

import pytest

from hirekit.csv_safety import safe_cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        (" -1", " -1"),  # a leading space is not read as a formula
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        (-4, "-4"),
        (7.25, "7.25"),
        (None, ""),
        ("Jane Doe", "Jane Doe"),
        ("a=b", "a=b"),
    ],
)
def test_formula_cells_are_quoted_and_numbers_are_not(value: object, cell: str) -> None:
    assert safe_cell(value) == cell
