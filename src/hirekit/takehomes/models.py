"""Take-home assignments (versioned), submissions, reviewers' assessments and invitations."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hirekit.accounts.models import User
from hirekit.candidates.models import Application, Candidate
from hirekit.db import NO_ID_REUSE, CreatedAtMixin, utcnow
from hirekit.extensions import db
from hirekit.jobs.models import Job


class SubmissionStatus(StrEnum):
    QUEUED = "queued"  # stored, waiting for the reviewer
    REVIEWED = "reviewed"
    REFUSED = "refused"  # the archive broke a safety rule or limit; `refusal` says which
    FAILED = "failed"  # the review itself failed after its retries


class Submission(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "submissions"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), index=True
    )
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    source: Mapped[str] = mapped_column(String(16), default="recruiter")  # or "candidate"
    file_key: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(160))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default=SubmissionStatus.QUEUED.value)
    refusal: Mapped[str] = mapped_column(Text, default="")
    background_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("background_jobs.id", ondelete="SET NULL")
    )
    score: Mapped[int | None]
    level: Mapped[str] = mapped_column(String(16), default="")
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: finding index -> [[line number, source line], ...] around it
    snippets: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    fingerprint: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: [{"submission_id", "similarity", "files": [[mine, theirs, share], ...]}]
    similar: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    reviewed_at: Mapped[datetime | None]
    #: The assignment version the work answers; None for a quick review or an old upload.
    assignment_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment_versions.id", ondelete="SET NULL"), index=True
    )
    # No foreign key on purpose: the invitation already references its latest
    # submission, and a key each way would make the two tables a cycle.
    #: The invitation whose link received the upload (candidate uploads only).
    invitation_id: Mapped[int | None] = mapped_column(index=True)

    candidate: Mapped[Candidate | None] = relationship()
    job: Mapped[Job | None] = relationship()
    uploaded_by: Mapped[User | None] = relationship()
    assignment_version: Mapped[AssignmentVersion | None] = relationship()

    @property
    def is_pending(self) -> bool:
        return self.status == SubmissionStatus.QUEUED


class Assignment(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """A job's take-home. Its content lives in versions; the last one is current."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    job: Mapped[Job] = relationship()
    versions: Mapped[list[AssignmentVersion]] = relationship(
        back_populates="assignment",
        cascade="all, delete-orphan",
        order_by="AssignmentVersion.number",
    )

    @property
    def current(self) -> AssignmentVersion:
        """The latest version: what new invitations are sent with."""
        return self.versions[-1]


class AssignmentVersion(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """One immutable state of an assignment. Editing adds a version; none is ever changed,
    so a submission always points at exactly the brief, starter and tests it answered.

    Files are kept in the upload store under opaque keys; a new version that keeps a
    file shares its key with the version before. Hidden tests are never sent to a
    candidate: no page or API serves ``hidden_tests_key``.
    """

    __tablename__ = "assignment_versions"
    __table_args__ = (UniqueConstraint("assignment_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]  # 1, 2, ... within the assignment
    title: Mapped[str] = mapped_column(String(160))
    brief: Mapped[str] = mapped_column(Text, default="")  # Markdown, sanitised when shown
    use_case: Mapped[str] = mapped_column(String(32))
    expected_hours: Mapped[float] = mapped_column(Float)
    #: Days from sending to the deadline; each invitation stores its own concrete deadline.
    deadline_days: Mapped[int]
    starter_key: Mapped[str | None] = mapped_column(String(300))
    starter_filename: Mapped[str] = mapped_column(String(160), default="")
    starter_size: Mapped[int | None]
    starter_sha256: Mapped[str] = mapped_column(String(64), default="")
    hidden_tests_key: Mapped[str | None] = mapped_column(String(300))
    hidden_tests_filename: Mapped[str] = mapped_column(String(160), default="")
    hidden_tests_size: Mapped[int | None]
    hidden_tests_sha256: Mapped[str] = mapped_column(String(64), default="")
    #: Pinned requirements (``name==version`` lines) for running the hidden tests.
    requirements: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    assignment: Mapped[Assignment] = relationship(back_populates="versions")
    created_by: Mapped[User | None] = relationship()

    @property
    def has_hidden_tests(self) -> bool:
        return self.hidden_tests_key is not None


class SubmissionAssessment(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """One reviewer's rating and notes on one submission; submitting it lifts the blind."""

    __tablename__ = "submission_assessments"
    __table_args__ = (UniqueConstraint("submission_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]  # 1 (strong no) to 4 (strong yes), as on interview scorecards
    notes: Mapped[str] = mapped_column(Text, default="")

    reviewer: Mapped[User] = relationship()


class FeedbackStatus(StrEnum):
    DRAFT = "draft"  # being edited; never leaves hirekit in this state
    SENT = "sent"  # approved by a person and handed to the outbox


class TakehomeFeedback(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    """Written feedback for one application's take-home: drafted, edited, then approved."""

    __tablename__ = "takehome_feedback"
    __table_args__ = NO_ID_REUSE

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True, unique=True
    )
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL"), index=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=FeedbackStatus.DRAFT.value)
    drafted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    approved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    approved_at: Mapped[datetime | None]
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class InvitationState(StrEnum):
    SENT = "sent"
    OPENED = "opened"
    SUBMITTED = "submitted"
    REVIEWED = "reviewed"
    EXPIRED = "expired"


class Invitation(CreatedAtMixin, db.Model):  # type: ignore[name-defined]
    __tablename__ = "takehome_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))
    # Part of the token, so a token never matches a later row that reuses an id.
    nonce: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[datetime]
    opened_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL")
    )
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="SET NULL")
    )
    sent_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    #: With an assignment, ``expires_at`` is its deadline: uploads are taken until then
    #: (each kept, the latest counts) and the page stays readable after it.
    assignment_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment_versions.id", ondelete="SET NULL"), index=True
    )

    application: Mapped[Application] = relationship()
    submission: Mapped[Submission | None] = relationship()
    sent_by: Mapped[User | None] = relationship()
    assignment_version: Mapped[AssignmentVersion | None] = relationship()

    def state(self, now: datetime | None = None) -> InvitationState:
        """Sent, opened, submitted, reviewed; or expired when unused past its deadline."""
        if self.submission is not None and self.submission.status == SubmissionStatus.REVIEWED:
            return InvitationState.REVIEWED
        if self.submitted_at is not None:
            return InvitationState.SUBMITTED
        if (now or utcnow()) >= self.expires_at:
            return InvitationState.EXPIRED
        return InvitationState.OPENED if self.opened_at is not None else InvitationState.SENT
