"""The one permission table. Every page and API endpoint asks it, nothing else decides."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Permission(StrEnum):
    GUIDE_READ = "guide:read"
    PROFILE_MANAGE = "profile:manage"
    USERS_MANAGE = "users:manage"
    AUDIT_READ = "audit:read"
    TASKS_READ = "tasks:read"
    JOBS_READ = "jobs:read"
    JOBS_WRITE = "jobs:write"
    #: See every confidential job, not only those whose hiring team one is on (admins).
    JOBS_CONFIDENTIAL = "jobs:confidential"
    SALARY_READ = "salary:read"
    CANDIDATES_READ = "candidates:read"
    CANDIDATES_WRITE = "candidates:write"
    REVIEWS_RUN = "reviews:run"
    REPORTS_READ = "reports:read"
    #: Export or delete everything held about a candidate (admins).
    PRIVACY_MANAGE = "privacy:manage"
    #: Choose the voluntary self-identification questions the careers page asks (admins).
    SELF_ID_MANAGE = "self-id:manage"
    #: One's own interviews and scorecards; which records is decided per interview.
    INTERVIEWS_OWN = "interviews:own"
    INTERVIEWS_SCHEDULE = "interviews:schedule"
    KITS_WRITE = "kits:write"
    #: Every scorecard of a candidate, the debrief and its decision.
    DEBRIEFS_RUN = "debriefs:run"
    CALIBRATION_READ = "calibration:read"
    OUTBOX_READ = "outbox:read"
    MAIL_TEMPLATES_MANAGE = "mail-templates:manage"
    WEBHOOKS_MANAGE = "webhooks:manage"
    TAKEHOMES_INVITE = "takehomes:invite"
    #: The careers pages' logo and accent colour (admins).
    CAREERS_MANAGE = "careers:manage"


_EVERYONE = frozenset({Permission.GUIDE_READ, Permission.PROFILE_MANAGE, Permission.INTERVIEWS_OWN})
_HIRING_TEAM = _EVERYONE | {
    Permission.TASKS_READ,
    Permission.JOBS_READ,
    Permission.SALARY_READ,
    Permission.CANDIDATES_READ,
    Permission.REVIEWS_RUN,
    Permission.REPORTS_READ,
}

#: Interviewers see only their own interviews and the candidates in them; that
#: narrower, per-record rule lives with interviews, not in this table.
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.RECRUITER: _HIRING_TEAM
    | {
        Permission.JOBS_WRITE,
        Permission.CANDIDATES_WRITE,
        Permission.OUTBOX_READ,
        Permission.TAKEHOMES_INVITE,
        Permission.INTERVIEWS_SCHEDULE,
    },
    Role.HIRING_MANAGER: _HIRING_TEAM
    | {
        Permission.JOBS_WRITE,
        Permission.CANDIDATES_WRITE,
        Permission.INTERVIEWS_SCHEDULE,
        Permission.KITS_WRITE,
        Permission.DEBRIEFS_RUN,
        Permission.CALIBRATION_READ,
    },
    Role.INTERVIEWER: _EVERYONE,
}


def role_can(role: str, permission: Permission) -> bool:
    try:
        return permission in PERMISSIONS[Role(role)]
    except ValueError:
        return False
