"""The background review of one submission."""

from __future__ import annotations

from typing import Any

from flask import current_app, url_for
from sqlalchemy import select

from hirekit import events
from hirekit.db import utcnow
from hirekit.engines.codereview import ArchiveRefused, Report, review
from hirekit.engines.codereview.fingerprint import Fingerprint, similar
from hirekit.engines.codereview.usecase import USE_CASES
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.queue import JobHandle, task
from hirekit.storage import file_store
from hirekit.takehomes.limits import review_limits
from hirekit.takehomes.models import Submission, SubmissionStatus

SNIPPET_RADIUS = 3


@task
def review_submission(job: JobHandle, submission_id: int) -> dict[str, Any]:
    """Review the stored archive; a refused archive is an outcome, not a failure to retry."""
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        return {"missing": submission_id}
    job.progress(10)
    path = file_store().path(submission.file_key)
    # Read for the job's use case: it sets what the review weighs and asks.
    use_case = submission.job.use_case if submission.job is not None else None
    try:
        report = review(
            path,
            limits=review_limits(current_app.config),
            guide=default_guide(),
            use_case=use_case if use_case in USE_CASES else None,
        )
    except ArchiveRefused as exc:
        submission.status = SubmissionStatus.REFUSED.value
        submission.refusal = exc.reason
        submission.reviewed_at = utcnow()
        return {"url": _report_url(submission_id), "refused": exc.reason}
    job.progress(80)
    submission.report = report.to_dict()
    submission.snippets = snippets_of(report)
    submission.fingerprint = report.fingerprint
    submission.similar = _similar_submissions(submission, report)
    submission.score = report.score
    submission.level = report.level
    submission.status = SubmissionStatus.REVIEWED.value
    submission.reviewed_at = utcnow()
    events.review_done.send(events.ReviewDone(submission_id))
    return {"url": _report_url(submission_id), "score": report.score}


def _report_url(submission_id: int) -> str:
    try:
        return url_for("takehomes.show", submission_id=submission_id)
    except RuntimeError:  # no request: a worker process builds the path itself
        return f"/reviews/{submission_id}"


def snippets_of(report: Report) -> dict[str, list[list[Any]]]:
    """The source lines around each finding, keyed by the finding's index."""
    found: dict[str, list[list[Any]]] = {}
    for index, finding in enumerate(report.findings):
        lines = report.sources.get(finding.file)
        if not lines or finding.line < 1:
            continue
        start = max(1, finding.line - SNIPPET_RADIUS)
        end = min(len(lines), finding.line + SNIPPET_RADIUS)
        found[str(index)] = [[n, lines[n - 1].rstrip("\r\n")] for n in range(start, end + 1)]
    return found


def _similar_submissions(submission: Submission, report: Report) -> list[dict[str, Any]]:
    """Earlier submissions for the same job that share more than 40 % of their code."""
    if submission.job_id is None or not report.fingerprint:
        return []
    earlier = db.session.execute(
        select(Submission.id, Submission.fingerprint).where(
            Submission.job_id == submission.job_id,
            Submission.id < submission.id,
            Submission.fingerprint.is_not(None),
        )
    ).all()
    others = {str(sid): Fingerprint.from_dict(fp) for sid, fp in earlier if fp}
    matches = similar(Fingerprint.from_dict(report.fingerprint), others)
    return [
        {
            "submission_id": int(m.other),
            "similarity": round(m.similarity, 3),
            "files": [[p.file, p.other_file, round(p.share, 3)] for p in m.files],
        }
        for m in matches
    ]
