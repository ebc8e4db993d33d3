"""The demo's take-home: a candidate's project uploaded and reviewed, report and all."""

from __future__ import annotations

import io

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.candidates.choices import ApplicationStatus
from hirekit.candidates.models import Application
from hirekit.demo.interviews import to_stage
from hirekit.extensions import db
from hirekit.interviews.models import Interview
from hirekit.jobs.models import Job, Stage
from hirekit.queue.runner import run_job
from hirekit.takehomes.models import Submission
from hirekit.takehomes.services import submissions as takehomes

FILENAME = "parcel-tracker.zip"


def demo_takehome_loaded(job: Job) -> bool:
    found = db.session.scalar(
        select(Submission.id).where(Submission.job_id == job.id, Submission.filename == FILENAME)
    )
    return found is not None


def load_demo_takehome(job: Job, recruiter: User) -> dict[str, int]:
    """Upload the sample project for an active candidate nobody interviews yet, and review it.

    The review runs here, in this process, through the queue's own runner (the
    static review reads the code, it runs none of it), so the report is there on
    first look. Running the job commits the caller's transaction.
    """
    from hirekit.demo.takehome_sample import sample_archive

    interviewed = select(Interview.candidate_id).where(Interview.job_id == job.id)
    application = db.session.scalars(
        select(Application)
        .join(Stage, Stage.id == Application.stage_id)
        .where(
            Application.job_id == job.id,
            Application.status == ApplicationStatus.ACTIVE.value,
            Application.candidate_id.not_in(interviewed),
        )
        .order_by(Stage.position.desc(), Application.id)
    ).first()
    if application is None:  # an old demo whose people have moved on
        return {}
    to_stage(application, "Take-home", recruiter)
    submission = takehomes.submit(
        takehomes.Upload(FILENAME, io.BytesIO(sample_archive())),
        actor=recruiter,
        candidate_id=application.candidate_id,
        job_id=job.id,
    )
    assert submission.background_job_id is not None
    db.session.commit()  # the runner claims the job in its own transaction
    run_job(submission.background_job_id)
    return {"take-home reviews": 1}
