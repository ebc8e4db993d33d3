"""Take-home assignments: a job's brief, starter files, hidden tests; edited by versions.

Editing never changes a version: it adds the next one, so every invitation and
submission keeps pointing at exactly what the candidate was given. Archives are
checked with the review's safety rules before a version is written; a refused
archive leaves nothing stored. Hidden tests go to the upload store under their own
category and no page or API serves them: only :func:`hidden_tests_for` hands their
path to the code that runs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.models import Application
from hirekit.candidates.services.applications import job_applications_query
from hirekit.engines.codereview import ArchiveRefused
from hirekit.errors import Forbidden, NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.choices import UseCase
from hirekit.jobs.services import jobs
from hirekit.storage import FileTooLarge, StoredFile, file_store
from hirekit.takehomes.archives import archive_kind, check_archive, refusal_message
from hirekit.takehomes.limits import review_limits
from hirekit.takehomes.models import Assignment, AssignmentVersion, Invitation, Submission
from hirekit.takehomes.services import submissions as takehomes
from hirekit.takehomes.services.submissions import Upload, max_archive_bytes, max_archive_mb

MAX_BRIEF = 20_000
MAX_HOURS = 40.0
MAX_DEADLINE_DAYS = 60
MAX_REQUIREMENTS_LINES = 100
# One pinned package per line (extras and --hash options allowed). Nothing else:
# pip options such as --index-url or -e would let a requirements list fetch code
# from anywhere when the runner's environment is built.
_PIN = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?==[A-Za-z0-9][A-Za-z0-9.+!_-]*"
    r"(\s+--hash=sha256:[0-9a-f]{64})*$"
)
_TEST_FILE = re.compile(r"(^|/)(test_[^/]*|[^/]*_test)\.py$")


@dataclass(frozen=True)
class AssignmentFields:
    title: str
    brief: str
    use_case: str
    expected_hours: float
    deadline_days: int
    requirements: str = ""


@dataclass(frozen=True)
class AssignmentFiles:
    """Archives for a new version; None keeps the previous version's file."""

    starter: Upload | None = None
    hidden_tests: Upload | None = None
    remove_starter: bool = False
    remove_hidden_tests: bool = False


@dataclass(frozen=True)
class HiddenTests:
    """What running a submission's hidden tests needs, for the run job."""

    archive: Path  # a .zip, .tar or .tar.gz in the upload store; never copy it elsewhere
    filename: str
    sha256: str
    #: Pinned requirements text; "" means the runner's base set.
    requirements: str
    assignment_version_id: int


def validate_fields(fields: AssignmentFields) -> AssignmentFields:
    """Normalised ``fields``, or ValidationFailed naming every bad field."""
    problems: dict[str, str] = {}
    title = fields.title.strip()
    if not 1 <= len(title) <= 160:
        problems["title"] = "1 to 160 characters"
    if len(fields.brief) > MAX_BRIEF:
        problems["brief"] = f"at most {MAX_BRIEF:,} characters"
    if fields.use_case not in [u.value for u in UseCase]:
        problems["use_case"] = "one of " + ", ".join(u.value for u in UseCase)
    if not 0.5 <= fields.expected_hours <= MAX_HOURS:
        problems["expected_hours"] = f"between 0.5 and {MAX_HOURS:g} hours"
    if not 1 <= fields.deadline_days <= MAX_DEADLINE_DAYS:
        problems["deadline_days"] = f"1 to {MAX_DEADLINE_DAYS} days"
    requirements, problem = _requirements(fields.requirements)
    if problem:
        problems["requirements"] = problem
    if problems:
        raise ValidationFailed("Some assignment fields are invalid; see details.", details=problems)
    return replace(fields, title=title, requirements=requirements)


def _requirements(text: str) -> tuple[str, str]:
    """The requirements, one per line and trimmed, and the first problem ("" when none)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    kept = [line for line in lines if line and not line.startswith("#")]
    if len(kept) > MAX_REQUIREMENTS_LINES:
        return "", f"at most {MAX_REQUIREMENTS_LINES} packages"
    for number, line in enumerate(kept, start=1):
        if not _PIN.match(line):
            return "", f"package {number} ({line[:60]!r}) must be pinned as name==version"
    return "".join(f"{line}\n" for line in kept), ""


def _can_edit(actor: User) -> None:
    if not actor.can(Permission.JOBS_WRITE):
        raise Forbidden("Your role does not allow editing take-home assignments.")


def _store(upload: Upload, category: str, field: str) -> StoredFile:
    """Store an archive after checking it with the review's safety rules."""
    if archive_kind(upload.stream) is None:
        raise ValidationFailed(
            "That file is not a .zip, .tar or .tar.gz archive.",
            details={field: "expected a .zip, .tar or .tar.gz archive"},
        )
    store = file_store()
    try:
        stored = store.save(upload.stream, category, upload.filename, max_archive_bytes())
    except FileTooLarge:
        raise ValidationFailed(
            f"The archive is larger than {max_archive_mb():g} MB.",
            details={field: f"larger than {max_archive_mb():g} MB"},
        ) from None
    try:
        files = check_archive(store.path(stored.key), review_limits(current_app.config))
        if field == "hidden_tests" and not any(_TEST_FILE.search(f) for f in files):
            raise ArchiveRefused("it holds no pytest file (test_*.py or *_test.py)")
    except ArchiveRefused as exc:
        store.delete(stored.key)
        raise ValidationFailed(refusal_message(exc.reason), details={field: exc.reason}) from None
    return stored


def _apply_files(version: AssignmentVersion, files: AssignmentFiles) -> list[str]:
    """Store the new archives on ``version``; the keys stored (to remove on failure)."""
    saved: list[str] = []
    try:
        if files.starter is not None:
            s = _store(files.starter, "assignment-starters", "starter")
            saved.append(s.key)
            version.starter_key, version.starter_filename = s.key, s.name
            version.starter_size, version.starter_sha256 = s.size, s.sha256
        elif files.remove_starter:
            version.starter_key, version.starter_filename = None, ""
            version.starter_size, version.starter_sha256 = None, ""
        if files.hidden_tests is not None:
            h = _store(files.hidden_tests, "assignment-hidden-tests", "hidden_tests")
            saved.append(h.key)
            version.hidden_tests_key, version.hidden_tests_filename = h.key, h.name
            version.hidden_tests_size, version.hidden_tests_sha256 = h.size, h.sha256
        elif files.remove_hidden_tests:
            version.hidden_tests_key, version.hidden_tests_filename = None, ""
            version.hidden_tests_size, version.hidden_tests_sha256 = None, ""
    except ValidationFailed:
        for key in saved:
            file_store().delete(key)
        raise
    return saved


def _version(fields: AssignmentFields, actor: User) -> AssignmentVersion:
    return AssignmentVersion(
        title=fields.title,
        brief=fields.brief,
        use_case=fields.use_case,
        expected_hours=float(fields.expected_hours),
        deadline_days=fields.deadline_days,
        requirements=fields.requirements,
        created_by_id=actor.id,
        starter_filename="",
        starter_sha256="",
        hidden_tests_filename="",
        hidden_tests_sha256="",
    )


def create_assignment(
    job_id: int, fields: AssignmentFields, files: AssignmentFiles, *, actor: User
) -> Assignment:
    """A new assignment for the job, with its first version."""
    _can_edit(actor)
    job = jobs.get_job(job_id, actor)
    fields = validate_fields(fields)
    version = _version(fields, actor)
    version.number = 1
    _apply_files(version, files)
    assignment = Assignment(job_id=job.id, created_by_id=actor.id, versions=[version])
    db.session.add(assignment)
    db.session.flush()
    _audit("assignment.created", assignment, version, actor)
    return assignment


def new_version(
    assignment_id: int, fields: AssignmentFields, files: AssignmentFiles, *, actor: User
) -> AssignmentVersion:
    """The assignment's next version: the fields given, the files replaced or kept."""
    _can_edit(actor)
    assignment = get_assignment(assignment_id, actor)
    fields = validate_fields(fields)
    previous = assignment.current
    version = _version(fields, actor)
    for name in ("key", "filename", "size", "sha256"):
        for kind in ("starter", "hidden_tests"):
            setattr(version, f"{kind}_{name}", getattr(previous, f"{kind}_{name}"))
    _apply_files(version, files)
    # The unique (assignment, number) pair makes a concurrent edit fail rather
    # than produce two versions with one number.
    last = db.session.scalar(
        select(func.max(AssignmentVersion.number)).where(
            AssignmentVersion.assignment_id == assignment.id
        )
    )
    version.number = int(last or 0) + 1
    assignment.versions.append(version)
    db.session.flush()
    _audit("assignment.versioned", assignment, version, actor)
    return version


def _audit(action: str, assignment: Assignment, version: AssignmentVersion, actor: User) -> None:
    audit.record(
        action,
        actor=actor,
        subject_type="assignment",
        subject_id=assignment.id,
        details={
            "job_id": assignment.job_id,
            "version": version.number,
            "starter_sha256": version.starter_sha256,
            "hidden_tests_sha256": version.hidden_tests_sha256,
        },
    )


def assignments_for_job(job_id: int, actor: User) -> list[Assignment]:
    job = jobs.get_job(job_id, actor)
    query = (
        select(Assignment)
        .where(Assignment.job_id == job.id)
        .order_by(Assignment.id)
        .options(selectinload(Assignment.versions))
    )
    return list(db.session.scalars(query))


def get_assignment(assignment_id: int, actor: User) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFound(f"No take-home assignment with id {assignment_id}")
    try:
        jobs.get_job(assignment.job_id, actor)  # confidential jobs stay with their team
    except NotFound:
        raise NotFound(f"No take-home assignment with id {assignment_id}") from None
    return assignment


def get_version(version_id: int, actor: User) -> AssignmentVersion:
    version = db.session.get(AssignmentVersion, version_id)
    if version is None:
        raise NotFound(f"No take-home assignment version with id {version_id}")
    get_assignment(version.assignment_id, actor)
    return version


def submissions_for_assignment(assignment_id: int, actor: User) -> list[Submission]:
    """Every submission made against any version of the assignment, newest first."""
    assignment = get_assignment(assignment_id, actor)
    version_ids = [v.id for v in assignment.versions]
    query = (
        select(Submission)
        .where(Submission.assignment_version_id.in_(version_ids))
        .order_by(Submission.id.desc())
    )
    return list(db.session.scalars(query))


def assignment_submission(assignment_id: int, submission_id: int, actor: User) -> Submission:
    """One submission made against the assignment; NotFound for any other."""
    assignment = get_assignment(assignment_id, actor)
    submission = takehomes.get_submission(submission_id, actor)
    if submission.assignment_version_id not in {v.id for v in assignment.versions}:
        raise NotFound(f"No submission {submission_id} for assignment {assignment_id}")
    return submission


def latest_submission_ids(assignment_id: int) -> set[int]:
    """The submission that counts for each invitation sent with the assignment."""
    query = (
        select(Invitation.submission_id)
        .join(AssignmentVersion, AssignmentVersion.id == Invitation.assignment_version_id)
        .where(
            AssignmentVersion.assignment_id == assignment_id,
            Invitation.submission_id.is_not(None),
        )
    )
    return {int(i) for i in db.session.scalars(query) if i is not None}


def hidden_tests_for(submission: Submission) -> HiddenTests | None:
    """The hidden tests and pinned requirements of the version ``submission`` answers;
    None when it answers no assignment or its version has no hidden tests.

    For trusted server-side code (the run job) only: it checks no permission and
    returns a path inside the upload store.
    """
    version = submission.assignment_version
    if version is None or version.hidden_tests_key is None:
        return None
    return HiddenTests(
        archive=file_store().path(version.hidden_tests_key),
        filename=version.hidden_tests_filename,
        sha256=version.hidden_tests_sha256,
        requirements=version.requirements,
        assignment_version_id=version.id,
    )


def sendable_applications(assignment: Assignment) -> list[Application]:
    """The job's active applications: whom the assignment can be sent to."""
    query = job_applications_query(assignment.job).where(Application.status == "active")
    return list(db.session.scalars(query.options(selectinload(Application.candidate))))
