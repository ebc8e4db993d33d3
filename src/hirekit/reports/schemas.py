"""API shapes for reports: the same figures as the pages, as JSON."""

from __future__ import annotations

import marshmallow as ma

from hirekit.jobs.choices import UseCase


class ReportArgsSchema(ma.Schema):
    start = ma.fields.Date(load_default=None, metadata={"description": "from this day (UTC)"})
    end = ma.fields.Date(load_default=None, metadata={"description": "to this day, included"})
    job = ma.fields.Integer(load_default=None)
    team = ma.fields.String(load_default="")
    use_case = ma.fields.String(
        load_default="", validate=ma.validate.OneOf(["", *(u.value for u in UseCase)])
    )
    question = ma.fields.String(
        load_default="", metadata={"description": "fairness: the self-identification key"}
    )


class ColumnSchema(ma.Schema):
    key = ma.fields.String()
    label = ma.fields.String()
    numeric = ma.fields.Boolean()


class ReportTableSchema(ma.Schema):
    caption = ma.fields.String()
    columns = ma.fields.List(ma.fields.Nested(ColumnSchema))
    rows = ma.fields.List(ma.fields.List(ma.fields.Raw(allow_none=True)))


class ReportSchema(ma.Schema):
    report = ma.fields.String(metadata={"description": "the report's name"})
    title = ma.fields.String()
    filters = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
    figures = ma.fields.Dict(metadata={"description": "the report's figures, by name"})
    table = ma.fields.Nested(ReportTableSchema)
    as_of = ma.fields.AwareDateTime(
        allow_none=True,
        metadata={"description": "when stored figures were computed; null when computed now"},
    )


class ReportListItemSchema(ma.Schema):
    report = ma.fields.String()
    title = ma.fields.String()
    summary = ma.fields.String()
    url = ma.fields.String()
