"""Every model module, imported in one place so metadata and migrations see all tables."""

from hirekit.accounts.models import ApiToken, User
from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import Application, Candidate, CandidateTag, Event, Note
from hirekit.careers.models import CareersApplication
from hirekit.jobs.models import Job, JobMember, Stage
from hirekit.queue.models import BackgroundJob
from hirekit.resumes.models import JobScreeningSettings, Resume, ResumeBatch, Screening
from hirekit.takehomes.models import Submission

__all__ = [
    "ApiToken",
    "Application",
    "AuditEntry",
    "BackgroundJob",
    "Candidate",
    "CandidateTag",
    "CareersApplication",
    "Event",
    "Job",
    "JobMember",
    "JobScreeningSettings",
    "Note",
    "Resume",
    "ResumeBatch",
    "Screening",
    "Stage",
    "Submission",
    "User",
]
