"""The templates every install starts with; admins may reword them afterwards."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultTemplate:
    key: str
    name: str
    subject: str
    body: str


DEFAULT_TEMPLATES: tuple[DefaultTemplate, ...] = (
    DefaultTemplate(
        "application_received",
        "Confirmation of application",
        "We received your application for {job_title}",
        "Hello {candidate_name},\n\n"
        "Thank you for applying for the {job_title} position at {company}. "
        "We read every application ourselves and will get back to you within two weeks, "
        "whatever the outcome.\n\n"
        "Best regards,\n{company}",
    ),
    DefaultTemplate(
        "application_rejected",
        "Rejection",
        "Your application for {job_title}",
        "Hello {candidate_name},\n\n"
        "Thank you for the time you gave to your application for {job_title} at {company}. "
        "After careful consideration we have decided not to move forward with it.\n\n"
        "We appreciate your interest and wish you the best in your search.\n\n"
        "Kind regards,\n{company}",
    ),
    DefaultTemplate(
        "takehome_feedback",
        "Take-home feedback",
        "Feedback on your take-home exercise for {job_title}",
        "Hello {candidate_name},\n\n"
        "Thank you again for the work you put into the take-home exercise for {job_title}. "
        "As promised, here is some feedback on it.\n\n"
        "{feedback}\n\n"
        "We hope it is useful, and wish you the best.\n\n"
        "Kind regards,\n{sender_name}\n{company}",
    ),
    DefaultTemplate(
        "takehome_invitation",
        "Take-home invitation",
        "Your take-home exercise for {job_title}",
        "Hello {candidate_name},\n\n"
        "As the next step for the {job_title} position at {company}, we invite you to a short "
        "take-home exercise. Upload your project as a .zip or .tar.gz archive here:\n\n"
        "{link}\n\n"
        "The link is personal and works once, until {expires}. "
        "If you need more time, just reply to this email.\n\n"
        "Good luck!\n{company}",
    ),
    DefaultTemplate(
        "interview_invitation",
        "Interview invitation",
        "Interview for {job_title} at {company}",
        "Hello {candidate_name},\n\n"
        "We would like to invite you to an interview for the {job_title} position.\n\n"
        "When: {interview_at}\nWhere: {interview_place}\n\n"
        "The calendar invitation is attached. If the time does not suit you, reply and we will "
        "find another one.\n\n"
        "See you soon,\n{sender_name}\n{company}",
    ),
)

DEFAULTS_BY_KEY = {t.key: t for t in DEFAULT_TEMPLATES}
