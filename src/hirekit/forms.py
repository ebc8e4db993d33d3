"""What every domain's forms share."""

from __future__ import annotations

from wtforms.fields.choices import SelectChoice


def options(pairs: list[tuple[object, str]]) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms' non-deprecated choice objects)."""
    return [SelectChoice(value, label) for value, label in pairs]
