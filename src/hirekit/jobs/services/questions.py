"""Application questions: what the careers form asks for one job, and which answers knock out.

A knockout ("Do you have a work permit for the EU?" answered "no") marks the
application for the recruiter; it never rejects anyone by itself. Reading an
answer and deciding whether it knocks out are plain functions, so the careers
form, the API and the tests share one rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from hirekit.accounts.models import User
from hirekit.audit import services as audit
from hirekit.errors import NotFound, ValidationFailed
from hirekit.extensions import db
from hirekit.jobs.choices import QuestionKind
from hirekit.jobs.models import Job, JobQuestion

MAX_QUESTIONS = 20
MAX_OPTIONS = 20
MAX_ANSWER = 2000
YES, NO = "yes", "no"


@dataclass
class QuestionFields:
    label: str
    kind: str = QuestionKind.TEXT.value
    required: bool = False
    options: list[str] = field(default_factory=list)
    knockout_answers: list[str] = field(default_factory=list)
    knockout_below: float | None = None
    knockout_above: float | None = None


def _clean_list(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in (v.strip() for v in values):
        if value and value not in seen:
            seen.append(value)
    return seen


def validate_question(fields: QuestionFields) -> QuestionFields:
    """Normalise ``fields`` or raise ValidationFailed naming every bad field."""
    problems: dict[str, str] = {}
    fields.label = fields.label.strip()
    if not 1 <= len(fields.label) <= 300:
        problems["label"] = "1 to 300 characters"
    kinds = [k.value for k in QuestionKind]
    if fields.kind not in kinds:
        problems["kind"] = "one of " + ", ".join(kinds)
    fields.options = _clean_list(fields.options)
    fields.knockout_answers = _clean_list(fields.knockout_answers)
    if fields.kind == QuestionKind.CHOICE.value:
        if not 2 <= len(fields.options) <= MAX_OPTIONS:
            problems["options"] = f"2 to {MAX_OPTIONS} choices"
        elif any(len(o) > 120 for o in fields.options):
            problems["options"] = "each choice at most 120 characters"
        unknown = set(fields.knockout_answers) - set(fields.options)
        if unknown:
            problems["knockout_answers"] = "only answers among the choices"
    else:
        fields.options = []
    if fields.kind == QuestionKind.YES_NO.value:
        fields.knockout_answers = [a.lower() for a in fields.knockout_answers]
        if not set(fields.knockout_answers) <= {YES, NO}:
            problems["knockout_answers"] = "yes or no"
    elif fields.kind != QuestionKind.CHOICE.value and fields.knockout_answers:
        problems["knockout_answers"] = "only yes/no and choice questions have knockout answers"
    if fields.kind == QuestionKind.NUMBER.value:
        for name in ("knockout_below", "knockout_above"):
            value = getattr(fields, name)
            if value is not None and not math.isfinite(value):
                problems[name] = "a number"
        low, high = fields.knockout_below, fields.knockout_above
        if low is not None and high is not None and low > high:
            problems["knockout_above"] = "must not be below the lower bound"
    elif fields.knockout_below is not None or fields.knockout_above is not None:
        problems["knockout_below"] = "only number questions have knockout bounds"
    if problems:
        raise ValidationFailed("Some question fields are invalid; see details.", details=problems)
    return fields


def get_question(job: Job, question_id: int) -> JobQuestion:
    for question in job.active_questions:
        if question.id == question_id:
            return question
    raise NotFound(f"No question {question_id} on this job")


def add_question(job: Job, fields: QuestionFields, *, actor: User) -> JobQuestion:
    validate_question(fields)
    if len(job.active_questions) >= MAX_QUESTIONS:
        raise ValidationFailed(
            f"A job asks at most {MAX_QUESTIONS} questions", details={"label": "too many"}
        )
    question = JobQuestion(position=len(job.active_questions), **vars(fields))
    job.questions.append(question)
    db.session.flush()
    _audit("job.question_added", job, question, actor)
    return question


def update_question(
    job: Job, question: JobQuestion, fields: QuestionFields, *, actor: User
) -> JobQuestion:
    validate_question(fields)
    for name, value in vars(fields).items():
        setattr(question, name, value)
    db.session.flush()
    _audit("job.question_updated", job, question, actor)
    return question


def remove_question(job: Job, question: JobQuestion, *, actor: User) -> None:
    """Stop asking a question; the answers already given keep it and its words."""
    _audit("job.question_removed", job, question, actor)
    question.active = False
    for position, remaining in enumerate(job.active_questions):
        remaining.position = position
    db.session.flush()


def _audit(action: str, job: Job, question: JobQuestion, actor: User) -> None:
    audit.record(
        action,
        actor=actor,
        subject_type="job",
        subject_id=job.id,
        details={"question_id": question.id, "label": question.label, "kind": question.kind},
    )


def read_answer(question: JobQuestion, raw: str) -> str:
    """The answer as stored ("" when not given), or ValueError with a message for the applicant."""
    value = raw.strip()
    if not value:
        if question.required:
            raise ValueError("Please answer this question.")
        return ""
    if len(value) > MAX_ANSWER:
        raise ValueError(f"Keep the answer under {MAX_ANSWER:,} characters.")
    if question.kind == QuestionKind.YES_NO.value:
        if value.lower() not in (YES, NO):
            raise ValueError("Answer yes or no.")
        return value.lower()
    if question.kind == QuestionKind.CHOICE.value and value not in question.options:
        raise ValueError("Choose one of the answers offered.")
    if question.kind == QuestionKind.NUMBER.value:
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            raise ValueError("Enter a number.") from None
        if not math.isfinite(number):
            raise ValueError("Enter a number.")
        return f"{number:g}"
    return value


def knocks_out(question: JobQuestion, answer: str) -> bool:
    """Whether ``answer`` (as :func:`read_answer` stored it) is one of the question's knockouts."""
    if not answer:
        return False
    if question.kind in (QuestionKind.YES_NO.value, QuestionKind.CHOICE.value):
        return answer in question.knockout_answers
    if question.kind == QuestionKind.NUMBER.value:
        number = float(answer)
        below, above = question.knockout_below, question.knockout_above
        return (below is not None and number < below) or (above is not None and number > above)
    return False
