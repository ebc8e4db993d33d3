"""A candidate with something in every domain, built through the real services."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from hirekit.candidates.services import applications, candidates
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.integrations.models import WebhookSubscription
from hirekit.interviews.models import Interview, Scorecard
from hirekit.mail.services.outbox import send_mail
from hirekit.queue.runner import drain
from hirekit.resumes.services.uploads import Upload as ResumeUpload
from hirekit.resumes.services.uploads import upload_for_candidate
from hirekit.search import index_candidate_text
from hirekit.takehomes.services.submissions import Upload, submit
from tests.jobs.factories import make_job
from tests.takehomes.archives import APP, zip_bytes

RESUME = """Zelda Quarkington
zelda.quark@example.org  +33 6 12 34 56 78

Senior Python developer. XYZZY-MARKER-8842
Built REST APIs with Flask, SQLAlchemy and PostgreSQL; tests with pytest.
Ran Celery workers on Redis in production for five years.
"""


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    email: str
    phone: str
    marker: str
    job_id: int

    @property
    def needles(self) -> list[str]:
        return [self.name, self.email, self.phone, self.marker, "Quarkington"]


def make_person(actor: Any, name: str = "Zelda Quarkington") -> Person:
    """A candidate with tags, an application with moves, notes, a resume, a take-home,
    an interview with a scorecard, an email and a webhook delivery."""
    db.session.add(WebhookSubscription(url="https://hooks.example.com/in", events=[], secret="s"))
    job = make_job(actor)
    person = candidates.create_candidate(
        CandidateFields(
            name=name,
            email="zelda.quark@example.org",
            phone="+33 6 12 34 56 78",
            links=["https://github.com/zquark"],
            tags=["flask"],
        ),
        actor=actor,
        note="Met Zelda Quarkington at PyCon",
    )
    application = applications.apply(person, job, actor=actor)
    applications.move(application, job.stages[1], actor=actor)
    candidates.add_note(person, "Strong on SQLAlchemy", actor=actor, application=application)
    upload_for_candidate(
        person.id, ResumeUpload("zelda-cv.txt", io.BytesIO(RESUME.encode())), actor=actor
    )
    submit(Upload("zelda.zip", io.BytesIO(zip_bytes(APP))), actor=actor, candidate_id=person.id)
    interview = Interview(
        job_id=job.id, candidate_id=person.id, title="Tech", starts_at=utcnow() + timedelta(days=1)
    )
    db.session.add(interview)
    db.session.flush()
    db.session.add(Scorecard(interview_id=interview.id, interviewer_id=actor.id))
    send_mail(
        person.email, "Hello Zelda Quarkington", "Dear Zelda Quarkington", candidate_id=person.id
    )
    index_candidate_text(person.id, "resume", RESUME)
    db.session.commit()
    drain()
    return Person(
        person.id, name, "zelda.quark@example.org", "+33612345678", "XYZZY-MARKER-8842", job.id
    )
