"""Every model module, imported in one place so metadata and migrations see all tables."""

from hirekit.accounts.models import ApiToken, User
from hirekit.audit.models import AuditEntry
from hirekit.candidates.models import (
    Application,
    ApplicationAnswer,
    Candidate,
    CandidateTag,
    Event,
    Note,
)
from hirekit.careers.models import CareersApplication, CareersBranding
from hirekit.data_version import DataVersion
from hirekit.integrations.models import WebhookDelivery, WebhookSubscription
from hirekit.interviews.models import (
    DebriefDecision,
    Interview,
    Kit,
    KitPart,
    KitQuestion,
    Scorecard,
)
from hirekit.jobs.models import Job, JobMember, JobQuestion, Stage
from hirekit.mail.models import MailTemplate, OutboxMessage
from hirekit.privacy.models import AnonymousOutcome, DataRequest
from hirekit.queue.models import BackgroundJob
from hirekit.reports.models import (
    ExperienceAnswer,
    ReportSnapshot,
    SelfIdAnswer,
    SelfIdQuestion,
)
from hirekit.resumes.models import JobScreeningSettings, Resume, ResumeBatch, Screening
from hirekit.search.models import SearchDocument
from hirekit.takehomes.models import Invitation, Submission, TakehomeFeedback
from hirekit.takehomes.run_models import TestRun, TestRunResult

__all__ = [
    "AnonymousOutcome",
    "ApiToken",
    "Application",
    "ApplicationAnswer",
    "AuditEntry",
    "BackgroundJob",
    "Candidate",
    "CandidateTag",
    "CareersApplication",
    "CareersBranding",
    "DataRequest",
    "DataVersion",
    "DebriefDecision",
    "Event",
    "ExperienceAnswer",
    "Interview",
    "Invitation",
    "Job",
    "JobMember",
    "JobQuestion",
    "JobScreeningSettings",
    "Kit",
    "KitPart",
    "KitQuestion",
    "MailTemplate",
    "Note",
    "OutboxMessage",
    "ReportSnapshot",
    "Resume",
    "ResumeBatch",
    "Scorecard",
    "Screening",
    "SearchDocument",
    "SelfIdAnswer",
    "SelfIdQuestion",
    "Stage",
    "Submission",
    "TakehomeFeedback",
    "TestRun",
    "TestRunResult",
    "User",
    "WebhookDelivery",
    "WebhookSubscription",
]
