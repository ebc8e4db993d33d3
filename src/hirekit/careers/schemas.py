"""API shapes of public postings: only what the careers page itself shows."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from hirekit.careers.jsonld import EMPLOYMENT_TYPES
from hirekit.careers.services.postings import Posting
from hirekit.jobs.choices import Workplace


class SalarySchema(ma.Schema):
    min = ma.fields.Integer(allow_none=True)
    max = ma.fields.Integer(allow_none=True)
    currency = ma.fields.String()
    period = ma.fields.String(metadata={"enum": ["year"]})
    text = ma.fields.String(
        metadata={"description": 'as the page shows it: "EUR 70,000–90,000 a year"'}
    )


class PostingSchema(ma.Schema):
    id = ma.fields.Integer()
    title = ma.fields.String()
    company = ma.fields.String()
    url = ma.fields.String(
        metadata={"description": "the posting's page, with the application form"}
    )
    where = ma.fields.String(metadata={"description": "location and remote policy, in words"})
    location = ma.fields.String()
    workplace = ma.fields.String(metadata={"enum": [w.value for w in Workplace]})
    applicant_regions = ma.fields.List(ma.fields.String())
    employment_type = ma.fields.String(metadata={"enum": list(EMPLOYMENT_TYPES)})
    level = ma.fields.String()
    focus = ma.fields.String()
    salary = ma.fields.Nested(SalarySchema, allow_none=True)
    description_html = ma.fields.String(metadata={"description": "sanitised HTML"})
    date_posted = ma.fields.DateTime()
    valid_through = ma.fields.DateTime()
    updated = ma.fields.DateTime()


def posting_view(posting: Posting) -> dict[str, Any]:
    salary = posting.salary
    return {
        "id": posting.id,
        "title": posting.title,
        "company": posting.company,
        "url": posting.url,
        "where": posting.where,
        "location": posting.location,
        "workplace": posting.workplace,
        "applicant_regions": list(posting.regions),
        "employment_type": posting.employment_type,
        "level": posting.level,
        "focus": posting.focus,
        "salary": None
        if salary is None
        else {
            "min": salary.minimum,
            "max": salary.maximum,
            "currency": salary.currency,
            "period": "year",
            "text": salary.text,
        },
        "description_html": str(posting.description_html),
        "date_posted": posting.published,
        "valid_through": posting.valid_through,
        "updated": posting.updated,
    }
