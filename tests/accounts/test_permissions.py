"""Every page and endpoint, for anonymous and each role, answers per the permission table."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from hirekit.accounts.models import User
from hirekit.accounts.permissions import PERMISSIONS, Permission, Role
from hirekit.candidates.models import Candidate
from hirekit.candidates.services.applications import apply as apply_to_job
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.integrations.services import create_subscription
from hirekit.jobs.services.jobs import JobFields, change_state, create_job
from hirekit.mail.services.outbox import send_mail
from hirekit.queue import enqueue
from hirekit.resumes.models import Resume, ResumeBatch, Screening
from hirekit.takehomes.models import Invitation
from hirekit.takehomes.services.invitations import token_for
from hirekit.takehomes.services.submissions import Upload, submit
from tests.conftest import csrf_token, login
from tests.queue.sample_tasks import add
from tests.takehomes.archives import APP, zip_bytes

PUBLIC = "public"
SIGNED_IN = "signed-in"
#: Only a member of the interview's panel; a fresh user of any role is refused.
PANEL = "panel"

# (method, path template, endpoint, who may use it)
ROUTES: list[tuple[str, str, str, str | Permission]] = [
    ("GET", "/", "main.index", PUBLIC),
    ("GET", "/healthz", "main.healthz", PUBLIC),
    ("GET", "/readyz", "main.readyz", PUBLIC),
    ("GET", "/login", "accounts.login", PUBLIC),
    ("GET", "/api/v1/docs", "main.api_docs", PUBLIC),
    ("GET", "/api/v1/openapi.json", "api-docs.openapi_json", PUBLIC),
    ("GET", "/dashboard", "main.dashboard", SIGNED_IN),
    ("GET", "/profile", "accounts.profile", SIGNED_IN),
    ("POST", "/profile/password", "accounts.change_password", SIGNED_IN),
    ("POST", "/profile/time-zone", "accounts.set_time_zone", SIGNED_IN),
    ("POST", "/profile/tokens", "accounts.create_token", SIGNED_IN),
    ("POST", "/profile/tokens/{token}/revoke", "accounts.revoke_token", SIGNED_IN),
    ("GET", "/guide/", "guides.index", Permission.GUIDE_READ),
    ("GET", "/guide/flask", "guides.show", Permission.GUIDE_READ),
    ("GET", "/tasks/{job}", "queue.show", Permission.TASKS_READ),
    ("GET", "/tasks/{job}/status", "queue.status", Permission.TASKS_READ),
    ("GET", "/admin/users", "admin.users", Permission.USERS_MANAGE),
    ("POST", "/admin/users", "admin.create_user", Permission.USERS_MANAGE),
    ("POST", "/admin/users/{user}/role", "admin.change_role", Permission.USERS_MANAGE),
    ("POST", "/admin/users/{user}/active", "admin.set_active", Permission.USERS_MANAGE),
    ("GET", "/admin/audit", "admin.audit_log", Permission.AUDIT_READ),
    ("POST", "/admin/audit/verify", "admin.audit_verify", Permission.AUDIT_READ),
    ("GET", "/reviews", "takehomes.index", Permission.REVIEWS_RUN),
    ("POST", "/reviews", "takehomes.upload", Permission.REVIEWS_RUN),
    (
        "POST",
        "/candidates/{candidate}/takehomes",
        "takehomes.upload_for_candidate",
        Permission.REVIEWS_RUN,
    ),
    ("GET", "/reviews/{submission}", "takehomes.show", Permission.REVIEWS_RUN),
    ("GET", "/reviews/{submission}/report.json", "takehomes.report_json", Permission.REVIEWS_RUN),
    ("GET", "/jobs/", "jobs.index", Permission.JOBS_READ),
    ("GET", "/jobs/new", "jobs.new", Permission.JOBS_WRITE),
    ("POST", "/jobs/new", "jobs.new", Permission.JOBS_WRITE),
    ("GET", "/jobs/{jobpost}", "jobs.show", Permission.JOBS_READ),
    ("GET", "/jobs/{jobpost}/edit", "jobs.edit", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/edit", "jobs.edit", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/state", "jobs.change_state", Permission.JOBS_WRITE),
    ("GET", "/jobs/{jobpost}/stages", "jobs.edit_stages", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/stages", "jobs.edit_stages", Permission.JOBS_WRITE),
    ("POST", "/jobs/lint", "jobs.lint", Permission.JOBS_WRITE),
    ("GET", "/jobs/{jobpost}/board", "candidates_board.show", Permission.CANDIDATES_READ),
    ("POST", "/jobs/{jobpost}/board/bulk", "candidates_board.bulk", Permission.CANDIDATES_WRITE),
    (
        "POST",
        "/jobs/{jobpost}/board/undo",
        "candidates_board.undo_bulk",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/jobs/{jobpost}/pipeline.csv",
        "candidates_board.export_csv",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/applications/{application}/move",
        "candidates_board.move",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/jobs/{jobpost}/rejection-emails",
        "candidates_rejections.confirm",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/jobs/{jobpost}/rejection-emails",
        "candidates_rejections.send",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/applications/{application}/rejection-emails/{message}/cancel",
        "candidates_rejections.cancel",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/applications/{application}/feedback",
        "takehomes_feedback.show",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/applications/{application}/feedback/draft",
        "takehomes_feedback.draft",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/applications/{application}/feedback",
        "takehomes_feedback.save",
        Permission.CANDIDATES_WRITE,
    ),
    ("GET", "/candidates/", "candidates.index", Permission.CANDIDATES_READ),
    ("GET", "/candidates/new", "candidates.new", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/new", "candidates.new", Permission.CANDIDATES_WRITE),
    ("GET", "/candidates/{candidate}", "candidates.show", Permission.CANDIDATES_READ),
    ("GET", "/candidates/{candidate}/edit", "candidates.edit", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/{candidate}/edit", "candidates.edit", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/{candidate}/notes", "candidates.add_note", Permission.CANDIDATES_WRITE),
    (
        "POST",
        "/candidates/{candidate}/applications",
        "candidates.apply",
        Permission.CANDIDATES_WRITE,
    ),
    ("POST", "/blind-review", "candidates_blind.switch", Permission.CANDIDATES_READ),
    (
        "POST",
        "/candidates/{candidate}/reveal",
        "candidates_blind.reveal",
        Permission.CANDIDATES_READ,
    ),
    ("GET", "/candidates/{candidate}/merge", "candidates.merge", Permission.CANDIDATES_WRITE),
    ("POST", "/candidates/{candidate}/merge", "candidates.merge", Permission.CANDIDATES_WRITE),
    (
        "GET",
        "/candidates/{candidate}/export.json",
        "candidates.export_json",
        Permission.CANDIDATES_READ,
    ),
    ("GET", "/outbox", "mail.outbox", Permission.OUTBOX_READ),
    ("GET", "/outbox/{message}", "mail.message", Permission.OUTBOX_READ),
    ("GET", "/admin/mail-templates", "mail.templates", Permission.MAIL_TEMPLATES_MANAGE),
    (
        "GET",
        "/admin/mail-templates/takehome_invitation",
        "mail.edit_template",
        Permission.MAIL_TEMPLATES_MANAGE,
    ),
    (
        "POST",
        "/admin/mail-templates/takehome_invitation",
        "mail.save_template",
        Permission.MAIL_TEMPLATES_MANAGE,
    ),
    (
        "POST",
        "/admin/mail-templates/takehome_invitation/preview",
        "mail.preview_template",
        Permission.MAIL_TEMPLATES_MANAGE,
    ),
    ("GET", "/takehome/{invite_token}", "takehomes_invitations.page", PUBLIC),
    ("GET", "/takehome/{assignment_token}", "takehomes_invitations.page", PUBLIC),
    ("GET", "/takehome/{assignment_token}/starter", "takehomes_invitations.starter", PUBLIC),
    ("GET", "/jobs/{jobpost}/assignments", "takehomes_assignments.index", Permission.REVIEWS_RUN),
    ("GET", "/jobs/{jobpost}/assignments/new", "takehomes_assignments.new", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/assignments/new", "takehomes_assignments.new", Permission.JOBS_WRITE),
    ("GET", "/assignments/{assignment}", "takehomes_assignments.show", Permission.REVIEWS_RUN),
    ("GET", "/assignments/{assignment}/edit", "takehomes_assignments.edit", Permission.JOBS_WRITE),
    ("POST", "/assignments/{assignment}/edit", "takehomes_assignments.edit", Permission.JOBS_WRITE),
    (
        "POST",
        "/assignments/{assignment}/invitations",
        "takehomes_assignments.send",
        Permission.TAKEHOMES_INVITE,
    ),
    (
        "GET",
        "/assignment-versions/{assignmentversion}/starter",
        "takehomes_assignments.starter",
        Permission.REVIEWS_RUN,
    ),
    (
        "POST",
        "/reviews/{submission}/assessment",
        "takehomes.assess",
        Permission.REVIEWS_RUN,
    ),
    (
        "POST",
        "/candidates/{candidate}/takehome-invitations",
        "takehomes_invitations.send",
        Permission.TAKEHOMES_INVITE,
    ),
    ("GET", "/admin/webhooks", "integrations.index", Permission.WEBHOOKS_MANAGE),
    ("POST", "/admin/webhooks", "integrations.create", Permission.WEBHOOKS_MANAGE),
    ("GET", "/admin/webhooks/{webhook}", "integrations.show", Permission.WEBHOOKS_MANAGE),
    ("POST", "/admin/webhooks/{webhook}/delete", "integrations.delete", Permission.WEBHOOKS_MANAGE),
    ("POST", "/admin/webhooks/{webhook}/ping", "integrations.ping", Permission.WEBHOOKS_MANAGE),
    (
        "POST",
        "/candidates/{candidate}/resumes",
        "resumes.upload_for_candidate",
        Permission.CANDIDATES_WRITE,
    ),
    ("GET", "/jobs/{jobpost}/resumes", "resumes.bulk_form", Permission.CANDIDATES_WRITE),
    ("POST", "/jobs/{jobpost}/resumes", "resumes.bulk_upload", Permission.CANDIDATES_WRITE),
    ("GET", "/resumes/batches/{batch}", "resumes.batch", Permission.CANDIDATES_READ),
    ("GET", "/resumes/{resume}/file", "resumes.download", Permission.CANDIDATES_READ),
    ("GET", "/reviews/{submission}/archive", "takehomes.archive", Permission.REVIEWS_RUN),
    ("GET", "/screening", "resumes_screening.index", Permission.CANDIDATES_READ),
    ("GET", "/jobs/{jobpost}/ranked", "resumes_screening.ranked", Permission.CANDIDATES_READ),
    (
        "POST",
        "/jobs/{jobpost}/screening-settings",
        "resumes_screening.settings",
        Permission.JOBS_WRITE,
    ),
    (
        "POST",
        "/screenings/{screening}/override",
        "resumes_screening.override",
        Permission.CANDIDATES_WRITE,
    ),
    ("GET", "/careers/", "careers.index", PUBLIC),
    ("GET", "/careers/{publicjob}", "careers.job", PUBLIC),
    ("POST", "/careers/{publicjob}", "careers.apply", PUBLIC),
    ("GET", "/careers/{publicjob}/thanks", "careers.thanks", PUBLIC),
    ("GET", "/admin/audit.csv", "admin.audit_csv", Permission.AUDIT_READ),
    ("GET", "/candidates/{candidate}/privacy", "privacy.show", Permission.PRIVACY_MANAGE),
    ("GET", "/candidates/{candidate}/export.zip", "privacy.export_zip", Permission.PRIVACY_MANAGE),
    ("POST", "/candidates/{candidate}/delete", "privacy.delete", Permission.PRIVACY_MANAGE),
    ("GET", "/interviews", "interviews.mine", Permission.INTERVIEWS_OWN),
    # Per-record: a fresh user sits on no panel, so only schedulers see the interview.
    ("GET", "/interviews/{interview}", "interviews.show", Permission.INTERVIEWS_SCHEDULE),
    ("GET", "/interviews/{interview}/invite.ics", "interviews.ics", Permission.INTERVIEWS_SCHEDULE),
    ("GET", "/scorecards/{scorecard}", "interviews.scorecard", Permission.DEBRIEFS_RUN),
    ("POST", "/scorecards/{scorecard}", "interviews.save_scorecard", PANEL),
    ("GET", "/jobs/{jobpost}/kit", "interviews_kits.show", Permission.JOBS_READ),
    (
        "POST",
        "/jobs/{jobpost}/kit/questions",
        "interviews_kits.add_question",
        Permission.KITS_WRITE,
    ),
    ("POST", "/jobs/{jobpost}/kit/bank", "interviews_kits.add_from_bank", Permission.KITS_WRITE),
    (
        "POST",
        "/jobs/{jobpost}/kit/questions/{kitquestion}",
        "interviews_kits.update_question",
        Permission.KITS_WRITE,
    ),
    (
        "POST",
        "/jobs/{jobpost}/kit/questions/{kitquestion}/remove",
        "interviews_kits.remove_question",
        Permission.KITS_WRITE,
    ),
    (
        "POST",
        "/jobs/{jobpost}/kit/questions/{kitquestion}/move",
        "interviews_kits.move_question",
        Permission.KITS_WRITE,
    ),
    (
        "POST",
        "/jobs/{jobpost}/kit/questions/{kitquestion}/part",
        "interviews_kits.set_part",
        Permission.KITS_WRITE,
    ),
    ("POST", "/jobs/{jobpost}/kit/parts", "interviews_kits.add_part", Permission.KITS_WRITE),
    (
        "POST",
        "/jobs/{jobpost}/kit/parts/{kitpart}",
        "interviews_kits.update_part",
        Permission.KITS_WRITE,
    ),
    (
        "POST",
        "/jobs/{jobpost}/kit/parts/{kitpart}/remove",
        "interviews_kits.remove_part",
        Permission.KITS_WRITE,
    ),
    ("POST", "/jobs/{jobpost}/kit/regenerate", "interviews_kits.regenerate", Permission.KITS_WRITE),
    (
        "GET",
        "/jobs/{jobpost}/interviews/new",
        "interviews_kits.schedule",
        Permission.INTERVIEWS_SCHEDULE,
    ),
    (
        "POST",
        "/jobs/{jobpost}/interviews/new",
        "interviews_kits.schedule",
        Permission.INTERVIEWS_SCHEDULE,
    ),
    ("GET", "/debriefs", "interviews_debriefs.index", Permission.DEBRIEFS_RUN),
    (
        "GET",
        "/jobs/{jobpost}/debriefs/{candidate}",
        "interviews_debriefs.show",
        Permission.DEBRIEFS_RUN,
    ),
    (
        "POST",
        "/jobs/{jobpost}/debriefs/{candidate}/decision",
        "interviews_debriefs.decide",
        Permission.DEBRIEFS_RUN,
    ),
    (
        "GET",
        "/interviewers/calibration",
        "interviews_debriefs.calibration",
        Permission.CALIBRATION_READ,
    ),
    # After every other interview route: it cancels the interview.
    ("POST", "/interviews/{interview}/cancel", "interviews.cancel", Permission.INTERVIEWS_SCHEDULE),
    ("GET", "/reports/", "reports.index", Permission.REPORTS_READ),
    ("GET", "/reports/funnel", "reports.show", Permission.REPORTS_READ),
    ("GET", "/reports/funnel.csv", "reports.export_csv", Permission.REPORTS_READ),
    ("GET", "/reports/self-id/questions", "reports_selfid.questions", Permission.SELF_ID_MANAGE),
    (
        "POST",
        "/reports/self-id/questions",
        "reports_selfid.add_question",
        Permission.SELF_ID_MANAGE,
    ),
    (
        "POST",
        "/reports/self-id/questions/{selfidquestion}/active",
        "reports_selfid.set_active",
        Permission.SELF_ID_MANAGE,
    ),
    ("GET", "/careers/feed.atom", "careers.feed_atom", PUBLIC),
    ("GET", "/careers/feed.json", "careers.feed_json", PUBLIC),
    ("GET", "/careers/jobs.xml", "careers.feed_aggregators", PUBLIC),
    ("GET", "/careers/brand.css", "careers.brand_css", PUBLIC),
    ("GET", "/careers/logo", "careers.logo", PUBLIC),
    ("GET", "/careers/settings", "careers.settings", Permission.CAREERS_MANAGE),
    ("POST", "/careers/settings", "careers.save_settings", Permission.CAREERS_MANAGE),
    ("GET", "/careers/status/{statustoken}", "careers.status_page", PUBLIC),
    (
        "GET",
        "/careers/status/{statustoken}/interviews/{interview}.ics",
        "careers.interview_ics",
        PUBLIC,
    ),
    ("POST", "/careers/status/{statustoken}/data/export", "careers.ask_about_data", PUBLIC),
    ("POST", "/careers/status/{statustoken}/withdraw", "careers.withdraw", PUBLIC),
    ("POST", "/careers/status/{statustoken}/survey", "careers.survey", PUBLIC),
    ("GET", "/jobs/{jobpost}/questions", "jobs.edit_questions", Permission.JOBS_WRITE),
    ("POST", "/jobs/{jobpost}/questions", "jobs.add_question", Permission.JOBS_WRITE),
    (
        "POST",
        "/jobs/{jobpost}/questions/{jobquestion}/delete",
        "jobs.remove_question",
        Permission.JOBS_WRITE,
    ),
    ("GET", "/candidates/privacy-requests", "privacy.data_requests", Permission.PRIVACY_MANAGE),
    (
        "POST",
        "/candidates/privacy-requests/{datarequest}/decline",
        "privacy.decide_request",
        Permission.PRIVACY_MANAGE,
    ),
    ("GET", "/careers/{jobpost}/self-id/{selfidtoken}", "reports_selfid.answer", PUBLIC),
    ("POST", "/logout", "accounts.logout", PUBLIC),  # last: it ends the session
]

API_ROUTES: list[tuple[str, str, str, str | Permission]] = [
    ("GET", "/api/v1/public/postings/", "careers_api.Postings", PUBLIC),
    ("GET", "/api/v1/public/postings/{publicjob}", "careers_api.PostingItem", PUBLIC),
    ("GET", "/api/v1/jobs/{jobpost}/questions", "jobs_api.JobQuestions", Permission.JOBS_READ),
    ("POST", "/api/v1/jobs/{jobpost}/questions", "jobs_api.JobQuestions", Permission.JOBS_WRITE),
    (
        "PUT",
        "/api/v1/jobs/{jobpost}/questions/{jobquestion}",
        "jobs_api.JobQuestionItem",
        Permission.JOBS_WRITE,
    ),
    (
        "DELETE",
        "/api/v1/jobs/{jobpost}/questions/{jobquestion}",
        "jobs_api.JobQuestionItem",
        Permission.JOBS_WRITE,
    ),
    ("GET", "/api/v1/jobs/{jobpost}/kit", "interviews_api.KitItem", Permission.JOBS_READ),
    (
        "POST",
        "/api/v1/jobs/{jobpost}/interviews",
        "interviews_api.JobInterviews",
        Permission.INTERVIEWS_SCHEDULE,
    ),
    ("GET", "/api/v1/interviews", "interviews_api.MyInterviews", Permission.INTERVIEWS_OWN),
    (
        "GET",
        "/api/v1/interviews/{interview}",
        "interviews_api.InterviewItem",
        Permission.INTERVIEWS_SCHEDULE,
    ),
    (
        "GET",
        "/api/v1/scorecards/{scorecard}",
        "interviews_api.ScorecardItem",
        Permission.DEBRIEFS_RUN,
    ),
    ("PUT", "/api/v1/scorecards/{scorecard}", "interviews_api.ScorecardItem", PANEL),
    (
        "GET",
        "/api/v1/jobs/{jobpost}/candidates/{candidate}/scorecards",
        "interviews_api.CandidateScorecards",
        Permission.DEBRIEFS_RUN,
    ),
    (
        "GET",
        "/api/v1/jobs/{jobpost}/debriefs/{candidate}",
        "interviews_api.DebriefItem",
        Permission.DEBRIEFS_RUN,
    ),
    (  # after the other interview endpoints: it cancels the interview
        "POST",
        "/api/v1/interviews/{interview}/cancel",
        "interviews_api.InterviewCancel",
        Permission.INTERVIEWS_SCHEDULE,
    ),
    ("GET", "/api/v1/reports", "reports_api.Reports", Permission.REPORTS_READ),
    (
        "GET",
        "/api/v1/reports/candidate-experience",
        "reports_api.ReportItem",
        Permission.REPORTS_READ,
    ),
    (
        "POST",
        "/api/v1/jobs/{jobpost}/rejection-emails",
        "candidates_rejections_api.JobRejectionEmails",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/applications/{application}/rejection-emails",
        "candidates_rejections_api.ApplicationRejectionEmails",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "DELETE",
        "/api/v1/applications/{application}/rejection-emails/{message}",
        "candidates_rejections_api.ApplicationRejectionEmail",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/applications/{application}/feedback",
        "takehomes_feedback_api.ApplicationFeedback",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "PUT",
        "/api/v1/applications/{application}/feedback",
        "takehomes_feedback_api.ApplicationFeedback",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/applications/{application}/feedback/draft",
        "takehomes_feedback_api.ApplicationFeedbackDraft",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/applications/{application}/feedback/approval",
        "takehomes_feedback_api.ApplicationFeedbackApproval",
        Permission.CANDIDATES_WRITE,
    ),
    ("GET", "/api/v1/reports/funnel", "reports_api.ReportItem", Permission.REPORTS_READ),
    ("GET", "/api/v1/audit", "audit_api.AuditEntries", Permission.AUDIT_READ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/privacy-export",
        "privacy_api.CandidatePrivacyExport",
        Permission.PRIVACY_MANAGE,
    ),
    ("GET", "/api/v1/mail-templates", "mail_api.MailTemplates", Permission.MAIL_TEMPLATES_MANAGE),
    (
        "GET",
        "/api/v1/mail-templates/takehome_invitation",
        "mail_api.MailTemplateItem",
        Permission.MAIL_TEMPLATES_MANAGE,
    ),
    (
        "PUT",
        "/api/v1/mail-templates/takehome_invitation",
        "mail_api.MailTemplateItem",
        Permission.MAIL_TEMPLATES_MANAGE,
    ),
    (
        "POST",
        "/api/v1/mail-templates/takehome_invitation/preview",
        "mail_api.MailTemplatePreview",
        Permission.MAIL_TEMPLATES_MANAGE,
    ),
    ("GET", "/api/v1/outbox", "mail_api.Outbox", Permission.OUTBOX_READ),
    ("GET", "/api/v1/outbox/{message}", "mail_api.OutboxItem", Permission.OUTBOX_READ),
    (
        "POST",
        "/api/v1/applications/{application}/takehome-invitations",
        "takehomes_invitations_api.ApplicationInvitations",
        Permission.TAKEHOMES_INVITE,
    ),
    (
        "GET",
        "/api/v1/takehome-invitations/{invitation}",
        "takehomes_invitations_api.InvitationItem",
        Permission.REVIEWS_RUN,
    ),
    ("GET", "/api/v1/webhooks", "integrations_api.Webhooks", Permission.WEBHOOKS_MANAGE),
    ("POST", "/api/v1/webhooks", "integrations_api.Webhooks", Permission.WEBHOOKS_MANAGE),
    (
        "GET",
        "/api/v1/webhooks/{webhook}",
        "integrations_api.WebhookItem",
        Permission.WEBHOOKS_MANAGE,
    ),
    (
        "GET",
        "/api/v1/webhooks/{webhook}/deliveries",
        "integrations_api.WebhookDeliveries",
        Permission.WEBHOOKS_MANAGE,
    ),
    (
        "DELETE",
        "/api/v1/webhooks/{webhook}",
        "integrations_api.WebhookItem",
        Permission.WEBHOOKS_MANAGE,
    ),
    (
        "POST",
        "/api/v1/webhooks/{webhook}/ping",
        "integrations_api.WebhookPing",
        Permission.WEBHOOKS_MANAGE,
    ),
    ("GET", "/api/v1/me", "accounts_api.Me", SIGNED_IN),
    ("GET", "/api/v1/users", "accounts_api.Users", Permission.USERS_MANAGE),
    ("POST", "/api/v1/users", "accounts_api.Users", Permission.USERS_MANAGE),
    ("GET", "/api/v1/users/{user}", "accounts_api.UserItem", Permission.USERS_MANAGE),
    ("PATCH", "/api/v1/users/{user}", "accounts_api.UserItem", Permission.USERS_MANAGE),
    ("GET", "/api/v1/guides", "guides_api.Guides", Permission.GUIDE_READ),
    ("GET", "/api/v1/guides/flask", "guides_api.GuideItem", Permission.GUIDE_READ),
    ("GET", "/api/v1/tasks/{job}", "queue_api.TaskItem", Permission.TASKS_READ),
    ("POST", "/api/v1/reviews", "takehomes_api.Reviews", Permission.REVIEWS_RUN),
    (
        "GET",
        "/api/v1/jobs/{jobpost}/assignments",
        "takehomes_assignments_api.JobAssignments",
        Permission.REVIEWS_RUN,
    ),
    (
        "POST",
        "/api/v1/jobs/{jobpost}/assignments",
        "takehomes_assignments_api.JobAssignments",
        Permission.JOBS_WRITE,
    ),
    (
        "GET",
        "/api/v1/assignments/{assignment}",
        "takehomes_assignments_api.AssignmentItem",
        Permission.REVIEWS_RUN,
    ),
    (
        "POST",
        "/api/v1/assignments/{assignment}/versions",
        "takehomes_assignments_api.AssignmentVersions",
        Permission.JOBS_WRITE,
    ),
    (
        "POST",
        "/api/v1/assignments/{assignment}/invitations",
        "takehomes_assignments_api.AssignmentInvitations",
        Permission.TAKEHOMES_INVITE,
    ),
    (
        "GET",
        "/api/v1/assignments/{assignment}/submissions",
        "takehomes_assignments_api.AssignmentSubmissions",
        Permission.REVIEWS_RUN,
    ),
    (
        "GET",
        "/api/v1/assignments/{assignment}/submissions/{assignmentsubmission}",
        "takehomes_assignments_api.AssignmentSubmissionItem",
        Permission.REVIEWS_RUN,
    ),
    ("GET", "/api/v1/reviews/{submission}", "takehomes_api.ReviewItem", Permission.REVIEWS_RUN),
    (
        "GET",
        "/api/v1/reviews/{submission}/tests",
        "takehomes_api.ReviewTests",
        Permission.REVIEWS_RUN,
    ),
    ("GET", "/api/v1/jobs", "jobs_api.Jobs", Permission.JOBS_READ),
    ("POST", "/api/v1/jobs", "jobs_api.Jobs", Permission.JOBS_WRITE),
    ("GET", "/api/v1/jobs/{jobpost}", "jobs_api.JobItem", Permission.JOBS_READ),
    ("PATCH", "/api/v1/jobs/{jobpost}", "jobs_api.JobItem", Permission.JOBS_WRITE),
    ("POST", "/api/v1/jobs/{jobpost}/state", "jobs_api.JobState", Permission.JOBS_WRITE),
    ("GET", "/api/v1/jobs/{jobpost}/stages", "jobs_api.JobStages", Permission.JOBS_READ),
    ("PUT", "/api/v1/jobs/{jobpost}/stages", "jobs_api.JobStages", Permission.JOBS_WRITE),
    ("POST", "/api/v1/jobs/lint", "jobs_api.JobLint", Permission.JOBS_READ),
    (
        "GET",
        "/api/v1/jobs/{jobpost}/applications",
        "candidates_applications_api.JobApplications",
        Permission.CANDIDATES_READ,
    ),
    (
        "GET",
        "/api/v1/jobs/{jobpost}/applications/emails",
        "candidates_applications_api.JobApplicationEmails",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/jobs/{jobpost}/applications/emails",
        "candidates_applications_api.JobApplicationEmails",
        Permission.CANDIDATES_WRITE,
    ),
    ("GET", "/api/v1/candidates", "candidates_api.Candidates", Permission.CANDIDATES_READ),
    ("POST", "/api/v1/candidates", "candidates_api.Candidates", Permission.CANDIDATES_WRITE),
    (
        "GET",
        "/api/v1/candidates/{candidate}",
        "candidates_api.CandidateItem",
        Permission.CANDIDATES_READ,
    ),
    (
        "PATCH",
        "/api/v1/candidates/{candidate}",
        "candidates_api.CandidateItem",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/duplicates",
        "candidates_api.CandidateDuplicates",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/merge",
        "candidates_api.CandidateMerge",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/merge-preview",
        "candidates_api.CandidateMergePreview",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/notes",
        "candidates_api.CandidateNotes",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/notes",
        "candidates_api.CandidateNotes",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/events",
        "candidates_api.CandidateEvents",
        Permission.CANDIDATES_READ,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/export",
        "candidates_api.CandidateExport",
        Permission.CANDIDATES_READ,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/applications",
        "candidates_applications_api.CandidateApplications",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/applications",
        "candidates_applications_api.CandidateApplications",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/applications/{application}",
        "candidates_applications_api.ApplicationItem",
        Permission.CANDIDATES_READ,
    ),
    (
        "GET",
        "/api/v1/applications/{application}/moves",
        "candidates_applications_api.ApplicationMoves",
        Permission.CANDIDATES_READ,
    ),
    (
        "POST",
        "/api/v1/applications/{application}/moves",
        "candidates_applications_api.ApplicationMoves",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/applications/{application}/reject",
        "candidates_applications_api.ApplicationReject",
        Permission.CANDIDATES_WRITE,
    ),
    (  # last of the pipeline routes: it closes the application
        "POST",
        "/api/v1/applications/{application}/withdraw",
        "candidates_applications_api.ApplicationWithdraw",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/jobs/{jobpost}/resumes",
        "resumes_api.JobResumes",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "POST",
        "/api/v1/candidates/{candidate}/resumes",
        "resumes_api.CandidateResumes",
        Permission.CANDIDATES_WRITE,
    ),
    (
        "GET",
        "/api/v1/candidates/{candidate}/screening",
        "resumes_api.CandidateScreening",
        Permission.CANDIDATES_READ,
    ),
    (  # last of all: it deletes the candidate
        "POST",
        "/api/v1/candidates/{candidate}/erasure",
        "privacy_api.CandidateErasure",
        Permission.PRIVACY_MANAGE,
    ),
]


def test_every_endpoint_is_classified(app):
    known = {r[2] for r in ROUTES + API_ROUTES} | {"static"}
    assert {rule.endpoint for rule in app.url_map.iter_rules()} <= known


def _fill(path: str, ids: dict[str, int]) -> str:
    return path.format(**ids)


def _self_id_ids(application, admin):
    from hirekit.reports.services import selfid

    question = selfid.add_question("gender", "Gender", ["Woman", "Man"], actor=admin)
    return {"selfidquestion": question.id, "selfidtoken": selfid.self_id_token(application)}


@pytest.fixture
def ids(make_user):
    victim = make_user("interviewer")
    job = enqueue(add, 1, 2)
    candidate = Candidate(name="Pat Example")
    db.session.add(candidate)
    db.session.flush()
    posting = create_job(
        JobFields(title="Flask developer", use_case="rest-api", level="mid"),
        actor=make_user("admin"),
    )
    application = apply_to_job(candidate, posting, actor=None)
    upload = Upload("t.zip", io.BytesIO(zip_bytes(APP)))
    submission = submit(upload, actor=None, candidate_id=candidate.id)
    comms = _comms_ids(application, make_user("admin"))
    screening_ids = _screening_ids(posting, candidate, make_user("admin"))
    self_id = _self_id_ids(application, make_user("admin"))
    careers = _careers_ids(application, posting, make_user("admin"))
    db.session.commit()
    return {
        "user": victim.id,
        "job": job.id,
        "token": 999,
        "candidate": candidate.id,
        "submission": submission.id,
        "jobpost": posting.id,
        "application": application.id,
        **comms,
        **screening_ids,
        **_interview_ids(posting, candidate, make_user("hiring_manager")),
        **self_id,
        **careers,
        **_assignment_ids(application, posting, make_user("admin")),
    }


def _assignment_ids(application, posting, admin) -> dict:
    """An assignment with starter and hidden tests, sent to the application, one upload."""
    from hirekit.takehomes.services.assignments import create_assignment
    from tests.takehomes.assignment_data import fields, files

    assignment = create_assignment(posting.id, fields(), files(), actor=admin)
    version = assignment.current
    invitation = Invitation(
        application_id=application.id,
        candidate_id=application.candidate_id,
        job_id=application.job_id,
        email="pat@example.com",
        nonce="1" * 32,
        expires_at=utcnow() + timedelta(days=7),
        assignment_version_id=version.id,
    )
    db.session.add(invitation)
    db.session.flush()
    upload = Upload("work.zip", io.BytesIO(zip_bytes(APP)))
    submission = submit(
        upload,
        actor=None,
        candidate_id=application.candidate_id,
        job_id=posting.id,
        assignment_version_id=version.id,
        invitation_id=invitation.id,
    )
    db.session.commit()
    return {
        "assignment": assignment.id,
        "assignmentversion": version.id,
        "assignmentsubmission": submission.id,
        "assignment_token": token_for(invitation),
    }


def _careers_ids(application, posting, admin) -> dict:
    """A status link, an application question, a data request and a careers logo."""
    from hirekit.careers import status
    from hirekit.careers.services import branding
    from hirekit.jobs.services.questions import QuestionFields, add_question
    from hirekit.privacy import services as privacy

    question = add_question(posting, QuestionFields("Work permit?", "yes-no"), actor=admin)
    request = privacy.ask(application.candidate, "erasure")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
    branding.update_branding(accent_colour="#123456", logo_data=png, remove_logo=False, actor=admin)
    return {
        "statustoken": status.token_for(application),
        "jobquestion": question.id,
        "datarequest": request.id,
    }


def _interview_ids(posting, candidate, manager) -> dict:
    """An interview of the posting with its kit, on a panel of one other interviewer."""
    from hirekit.interviews.services import kits, scheduling
    from hirekit.jobs.models import JobMember

    posting.members.append(JobMember(user_id=manager.id, role="hiring_manager"))
    kit = kits.get_kit(posting.id, manager)
    panelist = db.session.scalars(db.select(User).filter_by(role="interviewer")).first()
    fields = scheduling.ScheduleFields(
        candidate_id=candidate.id,
        starts_at=utcnow() + timedelta(hours=1),
        interviewer_ids=[panelist.id],
        part_id=kit.parts[0].id,
    )
    interview = scheduling.schedule(posting.id, fields, actor=manager)
    db.session.commit()
    return {
        "interview": interview.id,
        "scorecard": interview.scorecards[0].id,
        "kitquestion": kit.questions[-1].id,
        "kitpart": kit.parts[-1].id,
    }


def _screening_ids(posting, candidate, admin) -> dict:
    """A bulk upload batch, a screening to override and an open job on the careers page."""
    batch = ResumeBatch(job_id=posting.id)
    db.session.add(batch)
    db.session.flush()
    resume = Resume(
        candidate_id=candidate.id, file_key="resumes/x/cv.txt", filename="cv.txt", size=1, sha256=""
    )
    db.session.add(resume)
    db.session.flush()
    screening = Screening(resume_id=resume.id, candidate_id=candidate.id, use_case="rest-api")
    db.session.add(screening)
    public = create_job(
        JobFields(title="Public Flask role", use_case="rest-api", level="mid"), actor=admin
    )
    change_state(public, "open", actor=admin)
    db.session.flush()
    return {
        "batch": batch.id,
        "screening": screening.id,
        "publicjob": public.id,
        "resume": resume.id,
    }


def _comms_ids(application, admin) -> dict:
    """An outbox message, a take-home invitation link and a webhook to address."""
    invitation = Invitation(
        application_id=application.id,
        candidate_id=application.candidate_id,
        job_id=application.job_id,
        email="pat@example.com",
        nonce="0" * 32,
        expires_at=utcnow() + timedelta(days=7),
    )
    db.session.add(invitation)
    message = send_mail("pat@example.com", "Hello", "Body")
    hook = create_subscription("https://hooks.example.com/x", ["application.hired"], actor=admin)
    db.session.flush()
    return {
        "message": message.id,
        "invitation": invitation.id,
        "invite_token": token_for(invitation),
        "webhook": hook.subscription.id,
    }


def _allowed(role: Role, rule: str | Permission) -> bool:
    if rule in (PUBLIC, SIGNED_IN):
        return True
    if rule == PANEL:
        return False
    return rule in PERMISSIONS[role]


@pytest.mark.parametrize("role", [None, *Role])
def test_pages_per_role(app, client, make_user, ids, role):
    if role is not None:
        login(client, make_user(role.value).email)
    for method, template, _endpoint, rule in ROUTES:
        path = _fill(template, ids)
        if method == "GET":
            status = client.get(path).status_code
        else:
            token = csrf_token(client, "/login") if role is None else csrf_token(client, "/profile")
            status = client.post(path, data={"csrf_token": token}).status_code
        if role is None:
            if rule == PUBLIC:
                assert status in (200, 302), (path, status)
            else:
                assert status == 302, (path, status)  # to the sign-in page
        elif _allowed(role, rule):
            assert status not in (401, 403) and status < 500, (role, path, status)
        else:
            assert status == 403, (role, path, status)


@pytest.mark.parametrize("role", [None, *Role])
def test_api_per_role(client, api_token, ids, role):
    headers: dict[str, str] = {}
    if role is not None:
        _, headers = api_token(role.value)
    for method, template, _endpoint, rule in API_ROUTES:
        response = client.open(_fill(template, ids), method=method, headers=headers, json={})
        status = response.status_code
        assert response.is_json, (template, status)
        if rule == PUBLIC:  # the public postings: the same for everyone, token or not
            assert status == 200, (role, template, status)
        elif role is None:
            assert status == 401, (template, status)
            assert response.get_json()["error"]["code"] == "unauthorized"
        elif _allowed(role, rule):
            assert status not in (401, 403) and status < 500, (role, template, status)
        else:
            assert status == 403, (role, template, status)
            assert response.get_json()["error"]["code"] == "forbidden"


def test_state_changes_need_a_csrf_token(client, login_as, make_user):
    login_as("admin")
    victim = make_user("recruiter")
    response = client.post(f"/admin/users/{victim.id}/role", data={"role": "admin"})
    assert response.status_code == 400
    db.session.refresh(victim)
    assert victim.role == "recruiter"
