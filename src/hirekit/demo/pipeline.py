"""Demo hiring pipeline: three jobs and about forty made-up candidates with ten weeks of history.

Everything is generated from a fixed seed, so two loads tell the same story;
only the dates shift with the day of loading, keeping "days in stage" real.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import func, select

from hirekit.accounts import services as accounts
from hirekit.accounts.models import User
from hirekit.candidates.choices import SOURCES
from hirekit.candidates.models import Application
from hirekit.candidates.services import applications, candidates
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.jobs.choices import StageKind
from hirekit.jobs.models import Job
from hirekit.jobs.services import jobs
from hirekit.jobs.services.jobs import JobFields

SEED = 20261124
WEEKS = 10

FIRST = (
    "Alba", "Bruno", "Carmen", "Dario", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas",
    "Kira", "Luca", "Maya", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara",
)  # fmt: skip
LAST = (
    "Quillfeather", "Brightwater", "Tumbleweed", "Fernhollow", "Marblecrest",
    "Oakenshaw", "Pebbleton", "Thistlewood", "Copperfield", "Lanternby",
)  # fmt: skip
TAGS = ("flask", "sqlalchemy", "celery", "pytest", "postgresql", "docker", "htmx", "redis", "aws")
NOTES = (
    "Clear answers on application factories and blueprints.",
    "Take-home used Flask-SQLAlchemy well; tests cover the error paths.",
    "Wants to work remotely from Lisbon; open to two office days a month.",
    "Asked good questions about our deployment pipeline.",
    "Salary expectation at the top of the band.",
    "Referred by a former colleague on the payments team.",
)


def _demo_jobs() -> list[JobFields]:
    return [
        JobFields(
            title="Flask REST API developer",
            use_case="rest-api",
            level="mid",
            team="Platform",
            location="Lyon",
            workplace="hybrid",
            salary_min=52_000,
            salary_max=64_000,
            currency="EUR",
            description=(
                "## About the role\nYou will build and run the REST API behind our logistics "
                "product: Flask, SQLAlchemy, PostgreSQL, pytest.\n\n## What you will do\n"
                "- Design endpoints and their tests\n- Review pull requests\n\n"
                "## What we expect\n- Shipped a Flask API to production\n- Comfortable with SQL"
            ),
        ),
        JobFields(
            title="Senior Python engineer, payments microservices",
            use_case="microservices",
            level="senior",
            team="Payments",
            location="Remote (EU)",
            workplace="remote",
            salary_min=75_000,
            salary_max=92_000,
            currency="EUR",
            confidential=True,
            description=(
                "## About the role\nA confidential replacement hire for our payments services "
                "(Flask, Celery, Redis).\n\n## What we expect\n- 5+ years of Flask\n"
                "- Messaging and idempotent APIs"
            ),
        ),
        JobFields(
            title="Junior full-stack Flask developer",
            use_case="full-stack",
            level="junior",
            team="Customer tools",
            location="Manchester",
            workplace="onsite",
            salary_min=32_000,
            salary_max=38_000,
            currency="GBP",
            description=(
                "## About the role\nServer-rendered pages with Jinja and a little htmx.\n\n"
                "## What we offer\nMentoring, pairing and a learning budget."
            ),
        ),
    ]


def showcase_job() -> Job | None:
    """The demo job the interviews and the take-home review are staged on (not confidential,
    so every demo user sees them)."""
    title = _demo_jobs()[0].title
    return db.session.scalars(select(Job).where(Job.title == title).order_by(Job.id)).first()


def demo_pipeline_loaded() -> bool:
    titles = [f.title for f in _demo_jobs()]
    return bool(db.session.scalar(select(func.count(Job.id)).where(Job.title.in_(titles))))


def demo_people() -> dict[str, User]:
    """The demo users by first name, as the demo's stories cast them."""
    emails = {
        "rita": "rita.recruiter@example.com",
        "hank": "hank.manager@example.com",
        "ivy": "ivy.interviewer@example.com",
        "omar": "omar.interviewer@example.com",
    }
    found = {key: accounts.find_by_email(email) for key, email in emails.items()}
    missing = [key for key, user in found.items() if user is None]
    if missing:
        raise LookupError(f"demo users missing: {missing}")
    return {key: user for key, user in found.items() if user is not None}


def _create_jobs(people: dict[str, User]) -> list[Job]:
    created = []
    for fields in _demo_jobs():
        fields.hiring_manager_id = people["hank"].id
        fields.recruiter_ids = [people["rita"].id]
        fields.interviewer_ids = [people["ivy"].id, people["omar"].id]
        job = jobs.create_job(fields, actor=people["rita"])
        jobs.change_state(job, "open", actor=people["rita"])
        created.append(job)
    return created


def _history(
    rng: random.Random,
    application: Application,
    plan: str,
    start: datetime,
    people: dict[str, User],
) -> None:
    """Walk one application forward from ``start`` according to ``plan``."""
    job = application.job
    stages = job.stages
    now = utcnow()
    # Stories walk the pipeline by the stages' kinds: a hire ends in the hired stage,
    # an offer in the first offer stage, anything else somewhere before hired.
    hired = stages.index(job.hire_stage) if job.hire_stage else len(stages) - 1
    offers = job.stages_of(StageKind.OFFER)
    if plan == "hire":
        steps = hired
    elif plan == "offer":
        steps = stages.index(offers[0]) if offers else hired - 1
    else:
        steps = min(rng.choice((0, 1, 1, 2, 2, 3, 4)), hired - 1)
    when = start
    for position in range(1, steps + 1):
        remaining = (now - when).total_seconds()
        when = when + timedelta(seconds=remaining * rng.uniform(0.15, 0.45))
        actor = people["hank"] if position >= 3 else people["rita"]
        stage = stages[position]
        salary = _offer_salary(application) if applications.is_offer_stage(stage) else None
        applications.move(application, stage, actor=actor, at=when, salary=salary)
    if plan in ("reject", "withdraw"):
        when = when + timedelta(seconds=(now - when).total_seconds() * rng.uniform(0.2, 0.6))
        if plan == "reject":
            reason = rng.choice(
                (
                    "no-flask-experience",
                    "skills-mismatch",
                    "take-home-quality",
                    "salary-expectations",
                )
            )
            applications.reject(application, reason, actor=people["rita"], at=when)
        else:
            applications.withdraw(application, actor=people["rita"], at=when)


def _offer_salary(application: Application) -> int:
    """A salary offered within the job's band (the market's senior band when it has none),
    rounded to the thousand. Drawn apart from the story's generator, so that the
    rest of the demo history stays as it was."""
    rng = random.Random(SEED * 7919 + application.id)  # noqa: S311 - made-up demo data
    job = application.job
    market = default_guide().market
    low = job.salary_min or market.senior_salary_min
    high = job.salary_max or market.senior_salary_max
    return int(round(rng.uniform(low, max(low, high)), -3))


def _plans(count: int, rng: random.Random) -> list[str]:
    """How each application's story goes; the two hires land on the first and third job."""
    plans = ["offer"] + ["reject"] * 8 + ["withdraw"] * 2
    plans += ["active"] * (count - len(plans) - 2)
    rng.shuffle(plans)
    plans.insert(0, "hire")
    plans.insert(2, "hire")
    return plans


def load_demo_pipeline() -> dict[str, int]:
    """Create the demo jobs, candidates and history in the caller's transaction."""
    rng = random.Random(SEED)  # noqa: S311 - repeatable made-up data, not a secret
    people = demo_people()
    demo_jobs = _create_jobs(people)
    now = utcnow()
    names = [f"{first} {LAST[i % len(LAST)]}" for i, first in enumerate(FIRST)]
    names += [f"{first} {LAST[(i + 3) % len(LAST)]}" for i, first in enumerate(FIRST)]
    plans = _plans(len(names), rng)
    count = 0
    for index, name in enumerate(names):
        applied = now - timedelta(days=rng.uniform(3, WEEKS * 7), hours=rng.randint(0, 23))
        fields = CandidateFields(
            name=name,
            email=name.lower().replace(" ", ".") + "@example.com",
            links=[f"https://github.com/{name.split()[0].lower()}-demo-{index}"],
            tags=rng.sample(TAGS, k=rng.randint(1, 3)),
            source=rng.choice(SOURCES),
        )
        note = rng.choice(NOTES) if rng.random() < 0.4 else ""
        candidate = candidates.create_candidate(
            fields, actor=people["rita"], note=note, allow_duplicate=True, at=applied
        )
        job = demo_jobs[index % len(demo_jobs)]
        plan = plans[index]
        application = applications.apply(candidate, job, actor=people["rita"], at=applied)
        _history(rng, application, plan, applied, people)
        count += 1
        if index % 13 == 5:  # a few people apply to a second job as well
            second = demo_jobs[(index + 1) % len(demo_jobs)]
            later = applied + timedelta(days=2)
            extra = applications.apply(candidate, second, actor=people["rita"], at=later)
            _history(rng, extra, "active", later, people)
    return {"jobs": len(demo_jobs), "candidates": count}
