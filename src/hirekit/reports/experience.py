"""The candidate experience survey: one question after the process, and its report.

When an application ends (rejected, hired or withdrawn) its applicant may say,
once, through their private status link: "How was your experience applying?"
from 1 (poor) to 5 (excellent), with an optional comment. The report counts
the answers, averages them, shows the spread and the latest comments, per job,
only over the jobs the reader may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application
from hirekit.errors import Conflict, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.models import Job
from hirekit.reports.charts import Series, bar_chart
from hirekit.reports.filters import ReportFilter, scoped_applications
from hirekit.reports.models import ExperienceAnswer
from hirekit.reports.tables import Column, Table

QUESTION = "How was your experience applying?"
RATINGS = {1: "Poor", 2: "Fair", 3: "Good", 4: "Very good", 5: "Excellent"}
MAX_COMMENT = 2000
RECENT_COMMENTS = 10
ENDED = (
    ApplicationStatus.REJECTED.value,
    ApplicationStatus.HIRED.value,
    ApplicationStatus.WITHDRAWN.value,
)


def answer_of(application: Application) -> ExperienceAnswer | None:
    query = select(ExperienceAnswer).where(ExperienceAnswer.application_id == application.id)
    return db.session.scalars(query).first()


def is_open(application: Application) -> bool:
    """The survey is offered once the process ended and until it is answered."""
    return application.status in ENDED and answer_of(application) is None


def parse_rating(raw: object) -> int:
    text = str(raw if raw is not None else "").strip()
    if not text:
        raise ValidationFailed(
            "Choose how your experience was, from 1 to 5.", details={"rating": "required"}
        )
    if not text.isdigit() or int(text) not in RATINGS:
        raise ValidationFailed(
            "The answer must be a whole number from 1 to 5.", details={"rating": "1 to 5"}
        )
    return int(text)


def record_answer(application: Application, rating: object, comment: str) -> ExperienceAnswer:
    """The applicant's answer, once per application and only after the process ended."""
    if application.status not in ENDED:
        raise Conflict("The survey opens once the process for this application has ended.")
    if answer_of(application) is not None:
        raise Conflict("You already answered this survey. Thank you!")
    value = parse_rating(rating)
    text = (comment or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_COMMENT:
        raise ValidationFailed(
            f"The comment is longer than {MAX_COMMENT} characters.",
            details={"comment": f"at most {MAX_COMMENT} characters"},
        )
    answer = ExperienceAnswer(
        application_id=application.id,
        job_id=application.job_id,
        rating=value,
        comment=text,
        outcome=application.status,
    )
    try:
        with db.session.begin_nested():  # two tabs sending at once: the second is told
            db.session.add(answer)
            db.session.flush()
    except IntegrityError:
        raise Conflict("You already answered this survey. Thank you!") from None
    audit.record(
        "survey.answered",
        actor=None,
        subject_type="application",
        subject_id=application.id,
        details={"job_id": application.job_id, "rating": value},
    )
    return answer


@dataclass(frozen=True)
class JobExperience:
    job_id: int
    job: str
    answers: int
    average: float | None


@dataclass(frozen=True)
class Comment:
    job: str
    rating: int
    comment: str
    at: datetime


@dataclass(frozen=True)
class Experience:
    answers: int
    average: float | None
    #: answers per rating, 1 to 5
    distribution: list[int]
    per_job: list[JobExperience]
    recent_comments: list[Comment]

    def table(self) -> Table:
        return Table(
            "Candidate experience per job (1 poor to 5 excellent)",
            [
                Column("job", "Job", numeric=False),
                Column("answers", "Answers"),
                Column("average", "Average"),
            ],
            [[j.job, j.answers, j.average] for j in self.per_job],
        )


def experience(user: User, flt: ReportFilter) -> Experience:
    """The answers for the applications in the reader's scope (filters as other reports)."""
    scoped = ExperienceAnswer.application_id.in_(scoped_applications(user, flt))
    counts = dict(
        db.session.execute(
            select(ExperienceAnswer.rating, func.count())
            .where(scoped)
            .group_by(ExperienceAnswer.rating)
        ).all()
    )
    distribution = [int(counts.get(r, 0)) for r in RATINGS]
    total = sum(distribution)
    average = (
        round(sum(r * n for r, n in zip(RATINGS, distribution, strict=True)) / total, 2)
        if total
        else None
    )
    rows = db.session.execute(
        select(Job.id, Job.title, func.count(), func.avg(ExperienceAnswer.rating))
        .join(Job, Job.id == ExperienceAnswer.job_id)
        .where(scoped)
        .group_by(Job.id, Job.title)
        .order_by(func.count().desc(), Job.title)
    ).all()
    per_job = [
        JobExperience(int(i), str(t), int(n), round(float(a), 2) if a is not None else None)
        for i, t, n, a in rows
    ]
    recent = db.session.execute(
        select(
            Job.title,
            ExperienceAnswer.rating,
            ExperienceAnswer.comment,
            ExperienceAnswer.created_at,
        )
        .join(Job, Job.id == ExperienceAnswer.job_id)
        .where(scoped, ExperienceAnswer.comment != "")
        .order_by(ExperienceAnswer.created_at.desc(), ExperienceAnswer.id.desc())
        .limit(RECENT_COMMENTS)
    ).all()
    comments = [Comment(str(t), int(r), str(c), at) for t, r, c, at in recent]
    return Experience(total, average, distribution, per_job, comments)


def experience_chart(report: Experience) -> str:
    return bar_chart(
        "Candidate experience: answers per rating",
        f'Answers to "{QUESTION}" from 1 (poor) to 5 (excellent).',
        [f"{r} {label}" for r, label in RATINGS.items()],
        [Series("Answers", list(report.distribution))],
        x_label="Rating",
        y_label="Answers",
        chart_id="chart-experience",
    )
