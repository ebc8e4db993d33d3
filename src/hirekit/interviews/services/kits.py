"""A job's interview kit: generated from the role guide, then edited by the hiring manager.

Generated questions are copied into the kit, so editing the kit never changes
the guide and a guide update never changes a kit interviewers already use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.engines.interviewkit import generate_kit
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.guides.registry import default_guide
from hirekit.interviews.models import Kit, KitPart, KitQuestion
from hirekit.interviews.services.access import managed_job
from hirekit.jobs.models import Job
from hirekit.jobs.services.jobs import get_job

MAX_QUESTIONS = 40
MAX_PARTS = 8
MAX_ATTRIBUTES = 8

#: The interviews a new kit is split into, with the attributes each one rates.
DEFAULT_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Architecture", ("Application structure", "Design trade-offs")),
    ("API design", ("Interface design", "Error handling")),
    ("Testing & delivery", ("Testing discipline", "Operations awareness")),
)

#: Which default part a guide topic lands in; unlisted topics go to the first part.
PART_OF_TOPIC: dict[str, int] = {
    "rest-design": 1,
    "error-handling": 1,
    "security": 1,
    "forms": 1,
    "templates": 1,
    "sessions": 1,
    "service-communication": 1,
    "testing": 2,
    "deployment": 2,
    "background-jobs": 2,
    "performance": 2,
}


@dataclass
class QuestionFields:
    text: str
    junior: str = ""
    senior: str = ""
    red_flag: str = ""
    topic: str = ""
    part_id: int | None = None


def _audit(action: str, job_id: int, actor: User, details: dict[str, Any]) -> None:
    """Kit changes are audited against the job whose kit they change."""
    audit.record(action, actor=actor, subject_type="job", subject_id=job_id, details=details)


def get_kit(job_id: int, user: User) -> Kit:
    """The job's kit, generated on first sight for anyone who may see the job."""
    job = get_job(job_id, user)
    kit = db.session.scalars(select(Kit).where(Kit.job_id == job.id)).first()
    return kit if kit is not None else _generate(job, user)


def get_kit_unchecked(job_id: int) -> Kit | None:
    """The job's kit for callers that already checked access (a panelist's own interview)."""
    return db.session.scalars(select(Kit).where(Kit.job_id == job_id)).first()


def kit_for_edit(job_id: int, user: User) -> Kit:
    managed_job(job_id, user, Permission.KITS_WRITE)
    return get_kit(job_id, user)


def _generate(job: Job, actor: User | None) -> Kit:
    generated = generate_kit(default_guide(), job.use_case, job.level)
    kit = Kit(
        job_id=job.id,
        use_case=job.use_case,
        level=job.level,
        focus=generated.focus,
        red_flag=generated.red_flag,
    )
    kit.parts = [
        KitPart(name=name, position=i, attributes=list(attrs))
        for i, (name, attrs) in enumerate(DEFAULT_PARTS)
    ]
    db.session.add(kit)
    db.session.flush()
    for position, q in enumerate(generated.questions):
        part = kit.parts[PART_OF_TOPIC.get(q.topic, 0)]
        kit.questions.append(
            KitQuestion(
                position=position,
                part_id=part.id,
                guide_id=q.id,
                text=q.question,
                topic=q.topic,
                use_cases=list(q.use_cases),
                junior=q.junior,
                senior=q.senior,
                red_flag=q.red_flag,
            )
        )
    db.session.flush()
    return kit


def regenerate(job_id: int, actor: User) -> Kit:
    """Throw away the edits and build the kit afresh from the guide (audited)."""
    kit = kit_for_edit(job_id, actor)
    job = kit.job
    db.session.delete(kit)
    db.session.flush()
    fresh = _generate(job, actor)
    _audit("kit.regenerated", job.id, actor, {})
    return fresh


def _question(kit: Kit, question_id: int) -> KitQuestion:
    for q in kit.questions:
        if q.id == question_id:
            return q
    raise NotFound(f"No question {question_id} in this kit")


def _part_id(kit: Kit, part_id: int | None) -> int | None:
    if part_id is not None and part_id not in {p.id for p in kit.parts}:
        raise ValidationFailed("Unknown kit part", details={"part_id": "not in this kit"})
    return part_id


def add_question(job_id: int, fields: QuestionFields, *, actor: User) -> KitQuestion:
    """A manager's own question with their own answer anchors, at the end of the kit."""
    kit = kit_for_edit(job_id, actor)
    text = " ".join(fields.text.split())
    if not 5 <= len(text) <= 1000:
        raise ValidationFailed("A question needs 5 to 1000 characters", details={"text": "length"})
    if len(kit.questions) >= MAX_QUESTIONS:
        raise ValidationFailed(f"A kit holds at most {MAX_QUESTIONS} questions")
    question = KitQuestion(
        position=len(kit.questions),
        part_id=_part_id(kit, fields.part_id),
        text=text,
        topic=fields.topic.strip()[:40],
        use_cases=[],
        junior=fields.junior.strip()[:2000],
        senior=fields.senior.strip()[:2000],
        red_flag=fields.red_flag.strip()[:2000],
    )
    kit.questions.append(question)
    db.session.flush()
    _audit("kit.question_added", job_id, actor, {"question_id": question.id, "text": text[:200]})
    return question


def update_question(
    job_id: int, question_id: int, fields: QuestionFields, *, actor: User
) -> KitQuestion:
    """Rewrite a question's text, topic and answer anchors (its interview stays); audited
    with the previous values. Guide questions keep their use cases, which weight the estimate."""
    kit = kit_for_edit(job_id, actor)
    question = _question(kit, question_id)
    text = " ".join(fields.text.split())
    if not 5 <= len(text) <= 1000:
        raise ValidationFailed("A question needs 5 to 1000 characters", details={"text": "length"})
    new = {
        "text": text,
        "topic": fields.topic.strip()[:40],
        "junior": fields.junior.strip()[:2000],
        "senior": fields.senior.strip()[:2000],
        "red_flag": fields.red_flag.strip()[:2000],
    }
    before = {k: getattr(question, k) for k in new if getattr(question, k) != new[k]}
    if not before:
        return question
    for key in before:
        setattr(question, key, new[key])
    db.session.flush()
    _audit("kit.question_edited", job_id, actor, {"question_id": question.id, "previous": before})
    return question


def add_guide_question(job_id: int, guide_id: str, *, actor: User) -> KitQuestion:
    """Add a bank question of the kit's use case (a question of another use case is refused)."""
    kit = kit_for_edit(job_id, actor)
    try:
        q = default_guide().question(guide_id)
    except KeyError:
        raise NotFound(f"No guide question {guide_id!r}") from None
    if kit.use_case not in q.use_cases:
        raise ValidationFailed(f"{guide_id!r} is not a question for {kit.use_case}")
    if any(k.guide_id == guide_id for k in kit.questions):
        raise ValidationFailed(f"{guide_id!r} is already in the kit")
    question = KitQuestion(
        position=len(kit.questions),
        part_id=kit.parts[0].id if kit.parts else None,
        guide_id=q.id,
        text=q.text,
        topic=q.topic,
        use_cases=list(q.use_cases),
        junior=q.junior,
        senior=q.senior,
        red_flag=q.red_flag,
    )
    kit.questions.append(question)
    db.session.flush()
    _audit("kit.question_added", job_id, actor, {"question_id": question.id, "guide_id": guide_id})
    return question


def remove_question(job_id: int, question_id: int, *, actor: User) -> None:
    kit = kit_for_edit(job_id, actor)
    question = _question(kit, question_id)
    kit.questions.remove(question)
    _renumber(kit)
    _audit(
        "kit.question_removed",
        job_id,
        actor,
        {"question_id": question_id, "text": question.text[:200]},
    )


def move_question(job_id: int, question_id: int, offset: int, *, actor: User) -> None:
    """Move a question ``offset`` places up (negative) or down, clamped to the kit."""
    kit = kit_for_edit(job_id, actor)
    question = _question(kit, question_id)
    ordered = list(kit.questions)
    index = ordered.index(question)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, q in enumerate(ordered):
        q.position = position
    db.session.flush()
    db.session.refresh(kit)


def set_question_part(job_id: int, question_id: int, part_id: int | None, *, actor: User) -> None:
    kit = kit_for_edit(job_id, actor)
    _question(kit, question_id).part_id = _part_id(kit, part_id)
    db.session.flush()


def _renumber(kit: Kit) -> None:
    for position, q in enumerate(kit.questions):
        q.position = position
    db.session.flush()


def _attributes(raw: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(a.strip()[:60] for a in raw if a.strip()))
    if len(cleaned) > MAX_ATTRIBUTES:
        raise ValidationFailed(f"At most {MAX_ATTRIBUTES} focus attributes per interview")
    return cleaned


def add_part(job_id: int, name: str, attributes: list[str], *, actor: User) -> KitPart:
    kit = kit_for_edit(job_id, actor)
    name = name.strip()
    if not 1 <= len(name) <= 80:
        raise ValidationFailed(
            "An interview name needs 1 to 80 characters", details={"name": "length"}
        )
    if len(kit.parts) >= MAX_PARTS:
        raise ValidationFailed(f"A kit has at most {MAX_PARTS} interviews")
    part = KitPart(name=name, position=len(kit.parts), attributes=_attributes(attributes))
    kit.parts.append(part)
    db.session.flush()
    _audit("kit.part_added", job_id, actor, {"part_id": part.id, "name": name})
    return part


def update_part(
    job_id: int, part_id: int, name: str, attributes: list[str], *, actor: User
) -> KitPart:
    kit = kit_for_edit(job_id, actor)
    part = next((p for p in kit.parts if p.id == part_id), None)
    if part is None:
        raise NotFound(f"No interview {part_id} in this kit")
    if name.strip():
        part.name = name.strip()[:80]
    part.attributes = _attributes(attributes)
    db.session.flush()
    return part


def remove_part(job_id: int, part_id: int, *, actor: User) -> None:
    """Remove an interview from the kit; its questions stay, unassigned."""
    kit = kit_for_edit(job_id, actor)
    part = next((p for p in kit.parts if p.id == part_id), None)
    if part is None:
        raise NotFound(f"No interview {part_id} in this kit")
    for q in kit.questions:
        if q.part_id == part_id:
            q.part_id = None
    kit.parts.remove(part)
    db.session.flush()
    _audit("kit.part_removed", job_id, actor, {"part_id": part_id, "name": part.name})


def questions_of(kit: Kit, part_id: int | None) -> list[KitQuestion]:
    """An interview's questions: its part's, or the whole kit without a part."""
    if part_id is None:
        return list(kit.questions)
    return [q for q in kit.questions if q.part_id == part_id]
