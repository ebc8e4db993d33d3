"""The background job that runs a submission's own and hidden tests in the sandbox."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.extensions import db
from hirekit.queue import JobHandle, enqueue, task
from hirekit.takehomes.models import Submission
from hirekit.takehomes.run_models import TestRun
from hirekit.takehomes.services import test_runs


@task
def run_submission_tests(job: JobHandle, submission_id: int) -> dict[str, Any]:
    """Run the tests of the assignment version the submission answers; an unavailable
    sandbox or a refused input is an outcome recorded on the run, not a failure to retry."""
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        return {"missing": submission_id}
    # Imported here: assignments builds on services, which queues this task.
    from hirekit.takehomes.services.assignments import hidden_tests_for

    job.progress(5)
    hidden = hidden_tests_for(submission)
    suite = None
    if hidden is not None:
        suite = test_runs.HiddenSuite(hidden.archive, hidden.requirements, hidden.sha256)
    run = test_runs.execute(submission, suite)
    return {"state": run.state, "message": run.message}


def has_hidden_tests(submission: Submission) -> bool:
    """True when the submission answers an assignment version with hidden tests."""
    version = submission.assignment_version
    return version is not None and version.hidden_tests_key is not None


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
