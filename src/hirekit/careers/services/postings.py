"""A public posting: what the careers pages, feeds and the postings API say about a job.

Everything here is in the candidate's words, not the team's: "Remote (European
Union)" instead of ``remote``, "Building REST APIs" instead of ``rest-api``. Only
open, non-confidential jobs ever become postings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import nh3
from flask import current_app, url_for
from markupsafe import Markup

from hirekit.careers.services import applications
from hirekit.careers.services.branding import company_name
from hirekit.jobs.choices import EmploymentType, Level, UseCase, Workplace
from hirekit.jobs.markdown import render_markdown
from hirekit.jobs.models import Job

FOCUS = {
    UseCase.REST_API.value: "Building REST APIs",
    UseCase.MICROSERVICES.value: "Building microservices",
    UseCase.FULL_STACK.value: "Building full-stack web applications",
}
LEVEL = {
    Level.JUNIOR.value: "Junior",
    Level.MID.value: "Mid-level",
    Level.SENIOR.value: "Senior",
}
WORKPLACE = {
    Workplace.REMOTE.value: "Remote",
    Workplace.HYBRID.value: "Hybrid",
    Workplace.ONSITE.value: "On-site",
}
EMPLOYMENT = {
    EmploymentType.FULL_TIME.value: "Full-time",
    EmploymentType.PART_TIME.value: "Part-time",
    EmploymentType.CONTRACT.value: "Contract",
    EmploymentType.TEMPORARY.value: "Temporary",
    EmploymentType.INTERNSHIP.value: "Internship",
}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Salary:
    """A yearly pay band; either end may be open."""

    minimum: int | None
    maximum: int | None
    currency: str

    @property
    def text(self) -> str:
        low = f"{self.minimum:,}" if self.minimum is not None else None
        high = f"{self.maximum:,}" if self.maximum is not None else None
        if low and high:
            band = low if low == high else f"{low}–{high}"
        else:
            band = f"from {low}" if low else f"up to {high}"
        return f"{self.currency} {band} a year"


@dataclass(frozen=True)
class Posting:
    id: int
    title: str
    company: str
    url: str
    location: str
    city: str
    country: str
    workplace: str
    regions: tuple[str, ...]
    employment_type: str
    level: str
    focus: str
    salary: Salary | None
    description_html: Markup
    published: datetime
    valid_through: datetime
    updated: datetime

    @property
    def where(self) -> str:
        """Location and remote policy in words: "Remote (European Union)", "Berlin (Hybrid)"."""
        label = WORKPLACE.get(self.workplace, self.workplace)
        if self.workplace == Workplace.REMOTE.value:
            remote = f"{label} ({', '.join(self.regions) if self.regions else 'anywhere'})"
            return f"{remote}; office in {self.location}" if self.location else remote
        return f"{self.location} ({label})" if self.location else label

    @property
    def employment(self) -> str:
        return EMPLOYMENT.get(self.employment_type, "")

    @property
    def summary(self) -> str:
        return " · ".join(part for part in (self.where, self.employment, self.level) if part)

    @property
    def description_text(self) -> str:
        """The description without markup, for feeds and search snippets."""
        return _SPACES.sub(" ", nh3.clean(str(self.description_html), tags=set())).strip()


def _split_location(location: str) -> tuple[str, str]:
    """("Berlin, Germany") -> ("Berlin", "Germany"): the last part is read as the country."""
    parts = [p.strip() for p in location.split(",") if p.strip()]
    if len(parts) >= 2:
        return parts[0], parts[-1]
    return (parts[0], "") if parts else ("", "")


def _regions(text: str) -> tuple[str, ...]:
    return tuple(r.strip() for r in re.split(r"[,;]", text) if r.strip())


def posting_of(job: Job) -> Posting:
    published = job.published_at or job.created_at
    city, country = _split_location(job.location)
    has_salary = job.salary_min is not None or job.salary_max is not None
    return Posting(
        id=job.id,
        title=job.title,
        company=company_name(),
        url=url_for("careers.job", job_id=job.id, _external=True),
        location=job.location,
        city=city,
        country=country,
        workplace=job.workplace,
        regions=_regions(job.applicant_regions),
        employment_type=job.employment_type,
        level=LEVEL.get(job.level, job.level),
        focus=FOCUS.get(job.use_case, ""),
        salary=Salary(job.salary_min, job.salary_max, job.currency) if has_salary else None,
        description_html=render_markdown(job.description),
        published=published,
        valid_through=published + timedelta(days=int(current_app.config["POSTING_VALID_DAYS"])),
        updated=max(job.updated_at, published),
    )


def open_postings() -> list[Posting]:
    return [posting_of(job) for job in applications.public_jobs()]


def get_posting(job_id: int) -> Posting:
    """The posting of an open, public job; NotFound for anything else."""
    return posting_of(applications.get_public_job(job_id))
