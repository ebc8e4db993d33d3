"""Build the demo organisation. Every person in it is made up (example.com addresses)."""

from __future__ import annotations

from hirekit.accounts import services as accounts
from hirekit.demo.interviews import demo_interviews_loaded, load_demo_interviews
from hirekit.demo.pipeline import (
    demo_people,
    demo_pipeline_loaded,
    load_demo_pipeline,
    showcase_job,
)
from hirekit.demo.resumes import load_demo_resumes
from hirekit.demo.takehome import demo_takehome_loaded, load_demo_takehome

DEMO_PASSWORD = "demo-password-1"  # noqa: S105 - shared by the fictional demo users, documented

DEMO_USERS = [
    ("rita.recruiter@example.com", "Rita Recruiter", "recruiter"),
    ("hank.manager@example.com", "Hank Manager", "hiring_manager"),
    ("ivy.interviewer@example.com", "Ivy Interviewer", "interviewer"),
    ("omar.interviewer@example.com", "Omar Interviewer", "interviewer"),
]


def load_demo() -> dict[str, int]:
    """Create the demo data in the caller's transaction; {} when already there.

    Each part loads once: an install that has the demo users from an older
    version still gets the demo pipeline, interviews and take-home review. The
    take-home review runs at once, which commits the caller's transaction.
    """
    counts: dict[str, int] = {}
    if not accounts.find_by_email(DEMO_USERS[0][0]):
        for email, name, role in DEMO_USERS:
            accounts.create_user(email, role, DEMO_PASSWORD, name=name)
        counts["users"] = len(DEMO_USERS)
    if not demo_pipeline_loaded():
        counts.update(load_demo_pipeline())
        counts.update(load_demo_resumes())
    job = showcase_job()
    if job is not None:
        people = demo_people()
        if not demo_interviews_loaded(job):
            counts.update(load_demo_interviews(job, people))
        if not demo_takehome_loaded(job):
            counts.update(load_demo_takehome(job, people["rita"]))
    return counts
