"""Small made-up resumes written by the tests: plain text, DOCX and .zip archives."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx import Document

from hirekit.extensions import db
from hirekit.jobs.services.jobs import JobFields, change_state, create_job

STRONG_LINES = [
    "Summary",
    "Backend engineer with 6 years of Python experience building Flask REST APIs.",
    "",
    "Experience",
    "Senior Backend Engineer, Acme Payments (2019 - 2025)",
    "- Built a Flask REST API with SQLAlchemy and PostgreSQL serving 2 million requests per day.",
    "- Wrote pytest test suites with 90% coverage and set up CI with GitHub Actions.",
    "- Designed Alembic migrations and deployed with Docker and gunicorn on Kubernetes.",
    "",
    "Education",
    "BSc Computer Science, University of Manchester (2015 - 2018)",
]
WEAK_LINES = [
    "Summary",
    "Office assistant who enjoys spreadsheets and organising events.",
    "",
    "Experience",
    "Office Assistant, Northwind Traders (2020 - 2024)",
    "- Answered phones and kept the meeting room calendar.",
]
TESTING_QUOTE = "Wrote pytest test suites with 90% coverage and set up CI with GitHub Actions."


def resume_lines(name: str, email: str = "", phone: str = "", strong: bool = True) -> list[str]:
    contact = " | ".join(part for part in (email, phone) if part)
    return [name, contact, "", *(STRONG_LINES if strong else WEAK_LINES)]


def text_resume(name: str, email: str = "", phone: str = "", strong: bool = True) -> bytes:
    return ("\n".join(resume_lines(name, email, phone, strong)) + "\n").encode()


def docx_resume(name: str, email: str = "", phone: str = "", strong: bool = True) -> bytes:
    document = Document()
    for line in resume_lines(name, email, phone, strong):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def open_job(actor: Any, **fields: Any) -> Any:
    """An open job created by ``actor`` (defaults: a non-confidential REST API job)."""
    values = {"title": "Flask API developer", "use_case": "rest-api", "level": "mid", **fields}
    job = create_job(JobFields(**values), actor=actor)
    change_state(job, "open", actor=actor)
    db.session.commit()
    return job
