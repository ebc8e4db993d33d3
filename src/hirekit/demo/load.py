"""Build the demo organisation. Every person in it is made up (example.com addresses)."""

from __future__ import annotations

from hirekit.accounts import services as accounts

DEMO_PASSWORD = "demo-password-1"  # noqa: S105 - shared by the fictional demo users, documented

DEMO_USERS = [
    ("rita.recruiter@example.com", "Rita Recruiter", "recruiter"),
    ("hank.manager@example.com", "Hank Manager", "hiring_manager"),
    ("ivy.interviewer@example.com", "Ivy Interviewer", "interviewer"),
    ("omar.interviewer@example.com", "Omar Interviewer", "interviewer"),
]


def load_demo() -> dict[str, int]:
    """Create the demo data in the caller's transaction; {} when already there."""
    if accounts.find_by_email(DEMO_USERS[0][0]):
        return {}
    for email, name, role in DEMO_USERS:
        accounts.create_user(email, role, DEMO_PASSWORD, name=name)
    return {"users": len(DEMO_USERS)}
