"""schema.org ``JobPosting`` for a posting: how search engines learn about a job.

Follows Google's job-posting structured data: the required properties (title,
description, datePosted, hiringOrganization, and jobLocation or a remote job's
jobLocationType with applicantLocationRequirements) and the recommended ones
(validThrough, employmentType, baseSalary, identifier, directApply).
"""

from __future__ import annotations

from typing import Any

from flask import url_for

from hirekit.careers.services.branding import brand
from hirekit.careers.services.postings import Posting
from hirekit.jobs.choices import EmploymentType, Workplace

EMPLOYMENT_TYPES = {
    EmploymentType.FULL_TIME.value: "FULL_TIME",
    EmploymentType.PART_TIME.value: "PART_TIME",
    EmploymentType.CONTRACT.value: "CONTRACTOR",
    EmploymentType.TEMPORARY.value: "TEMPORARY",
    EmploymentType.INTERNSHIP.value: "INTERN",
}


def _organisation() -> dict[str, Any]:
    look = brand()
    org: dict[str, Any] = {
        "@type": "Organization",
        "name": look.company,
        "sameAs": url_for("careers.index", _external=True),
    }
    if look.has_logo:
        org["logo"] = url_for("careers.logo", v=look.version, _external=True)
    return org


def _place(posting: Posting) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if posting.city:
        address["addressLocality"] = posting.city
    if posting.country:
        address["addressCountry"] = posting.country
    return {"@type": "Place", "address": address}


def _salary(posting: Posting) -> dict[str, Any] | None:
    if posting.salary is None:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": "YEAR"}
    if posting.salary.minimum is not None:
        value["minValue"] = posting.salary.minimum
    if posting.salary.maximum is not None:
        value["maxValue"] = posting.salary.maximum
    if posting.salary.minimum is not None and posting.salary.minimum == posting.salary.maximum:
        value = {"@type": "QuantitativeValue", "unitText": "YEAR", "value": posting.salary.minimum}
    return {"@type": "MonetaryAmount", "currency": posting.salary.currency, "value": value}


def job_posting(posting: Posting) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": str(posting.description_html) or f"<p>{posting.title}</p>",
        "identifier": {"@type": "PropertyValue", "name": posting.company, "value": str(posting.id)},
        "datePosted": posting.published.date().isoformat(),
        "validThrough": posting.valid_through.isoformat(),
        "employmentType": EMPLOYMENT_TYPES.get(posting.employment_type, "OTHER"),
        "hiringOrganization": _organisation(),
        "directApply": True,
        "url": posting.url,
    }
    remote = posting.workplace == Workplace.REMOTE.value
    if remote:
        data["jobLocationType"] = "TELECOMMUTE"
        regions = posting.regions or ((posting.country,) if posting.country else ())
        if regions:
            data["applicantLocationRequirements"] = [
                {"@type": "AdministrativeArea", "name": region} for region in regions
            ]
    if not remote or posting.location:
        data["jobLocation"] = _place(posting)
    salary = _salary(posting)
    if salary:
        data["baseSalary"] = salary
    return data
