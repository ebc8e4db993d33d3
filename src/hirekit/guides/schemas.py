"""API shapes for role guides."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import marshmallow as ma


class GuideSummarySchema(ma.Schema):
    slug = ma.fields.String()
    role = ma.fields.String()
    title = ma.fields.String()
    summary = ma.fields.String()


class GuideSchema(GuideSummarySchema):
    """The whole guide; nested parts mirror the data file."""

    market = ma.fields.Dict()
    builds = ma.fields.List(ma.fields.Dict())
    skills = ma.fields.List(ma.fields.Dict())
    green_flags = ma.fields.List(ma.fields.Dict())
    yellow_flags = ma.fields.List(ma.fields.Dict())
    glossary = ma.fields.List(ma.fields.Dict())
    mistakes = ma.fields.List(ma.fields.Dict())
    use_cases = ma.fields.Dict()
    questions = ma.fields.List(ma.fields.Dict())


def guide_to_dict(value: Any) -> Any:
    """Plain JSON values from a guide's frozen dataclasses and read-only mappings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: guide_to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): guide_to_dict(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [guide_to_dict(v) for v in value]
    return value
