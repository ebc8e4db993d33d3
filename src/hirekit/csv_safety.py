"""CSV cells a spreadsheet will not run as formulas (CSV injection).

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheets skip before reading one of those) is a formula to Excel,
LibreOffice and Google Sheets; a leading apostrophe makes it text. Plain numbers,
negative ones included, are left as they are so figures stay figures.
"""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as CSV cell text, quoted with ``'`` when a spreadsheet would run it."""
    text = "" if value is None else str(value)
    if text[:1] in _FORMULA_STARTS and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text  # " -1" or "-1\t" are not plain numbers
