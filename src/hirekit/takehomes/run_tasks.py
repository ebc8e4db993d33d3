"""The background job that runs a submission's own and hidden tests in the sandbox."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.extensions import db
from hirekit.queue import JobHandle, enqueue, task
from hirekit.takehomes import test_runs
from hirekit.takehomes.models import Submission
from hirekit.takehomes.run_models import TestRun


@task
def run_submission_tests(job: JobHandle, submission_id: int) -> dict[str, Any]:
    """Run the tests of the assignment version the submission answers; an unavailable
    sandbox or a refused input is an outcome recorded on the run, not a failure to retry."""
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        return {"missing": submission_id}
    job.progress(5)
    run = test_runs.execute(submission, test_runs.hidden_suite_for(submission))
    return {"state": run.state, "message": run.message}


def queue_test_run(submission: Submission, actor: User | None) -> TestRun:
    """Record a pending run and queue it; it runs after the caller's transaction commits."""
    run = db.session.scalar(select(TestRun).where(TestRun.submission_id == submission.id))
    if run is None:
        run = TestRun(submission_id=submission.id)
        db.session.add(run)
    run.state, run.message, run.finished_at = "pending", "", None
    job = enqueue(
        run_submission_tests,
        submission.id,
        label="Take-home tests",
        created_by_id=actor.id if actor else None,
        hiring_job_id=submission.job_id,
        candidate_id=submission.candidate_id,
    )
    run.background_job_id = job.id
    db.session.flush()
    return run
