"""Job forms (Flask-WTF: CSRF on every one)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from hirekit.accounts.models import User
from hirekit.forms import options
from hirekit.jobs.choices import (
    CURRENCIES,
    EmploymentType,
    JobState,
    Level,
    QuestionKind,
    UseCase,
    Workplace,
)
from hirekit.jobs.services.jobs import JobFields
from hirekit.jobs.services.questions import QuestionFields

USE_CASE_LABELS = {
    UseCase.REST_API: "REST API",
    UseCase.MICROSERVICES: "Microservices",
    UseCase.FULL_STACK: "Full-stack",
}


class JobForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=160)])
    team = StringField("Team", validators=[Length(max=120)])
    location = StringField("Location", validators=[Length(max=120)])
    workplace = SelectField(
        "Workplace", choices=options([(w.value, w.value.title()) for w in Workplace])
    )
    employment_type = SelectField(
        "Employment",
        choices=options(
            [(e.value, e.value.replace("-", " ").capitalize()) for e in EmploymentType]
        ),
        default=EmploymentType.FULL_TIME.value,
        # Checked by the jobs service, which names a bad value like any other field's.
        validate_choice=False,
    )
    applicant_regions = StringField("Hires may live in", validators=[Length(max=200)])
    use_case = SelectField(
        "Use case", choices=options([(u.value, USE_CASE_LABELS[u]) for u in UseCase])
    )
    level = SelectField("Level", choices=options([(lv.value, lv.value.title()) for lv in Level]))
    salary_min = IntegerField(
        "Salary from", validators=[Optional(), NumberRange(min=0, max=10_000_000)]
    )
    salary_max = IntegerField(
        "Salary to", validators=[Optional(), NumberRange(min=0, max=10_000_000)]
    )
    currency = SelectField("Currency", choices=options([(c, c) for c in CURRENCIES]))
    description = TextAreaField(
        "Description (Markdown)", validators=[Length(max=20_000)], render_kw={"rows": 16}
    )
    confidential = BooleanField("Confidential: only its hiring team and admins see it")
    hiring_manager_id = SelectField("Hiring manager", coerce=int, choices=[])
    recruiter_ids = SelectMultipleField("Recruiters", coerce=int, choices=[])
    interviewer_ids = SelectMultipleField("Interviewers", coerce=int, choices=[])

    def set_people(self, users: list[User]) -> None:
        people: list[tuple[object, str]] = [
            (u.id, f"{u.display_name} ({u.role_label})") for u in users
        ]
        self.hiring_manager_id.choices = options([(0, "— none —"), *people])
        self.recruiter_ids.choices = options(people)
        self.interviewer_ids.choices = options(people)

    def to_fields(self) -> JobFields:
        return JobFields(
            title=self.title.data or "",
            use_case=self.use_case.data or "",
            level=self.level.data or "",
            team=self.team.data or "",
            location=self.location.data or "",
            workplace=self.workplace.data or "",
            employment_type=self.employment_type.data or EmploymentType.FULL_TIME.value,
            applicant_regions=self.applicant_regions.data or "",
            salary_min=self.salary_min.data,
            salary_max=self.salary_max.data,
            currency=self.currency.data or "",
            description=self.description.data or "",
            confidential=bool(self.confidential.data),
            hiring_manager_id=self.hiring_manager_id.data or None,
            recruiter_ids=list(self.recruiter_ids.data or []),
            interviewer_ids=list(self.interviewer_ids.data or []),
        )


class StateForm(FlaskForm):
    state = SelectField("State", choices=options([(s.value, s.value) for s in JobState]))


class StagesForm(FlaskForm):
    """The stage editor's CSRF token; its rows are read by :mod:`hirekit.jobs.stage_editor`."""


QUESTION_KIND_LABELS = {
    QuestionKind.TEXT: "Text",
    QuestionKind.YES_NO: "Yes / no",
    QuestionKind.CHOICE: "One of several choices",
    QuestionKind.NUMBER: "Number",
}


class QuestionForm(FlaskForm):
    """One application question; the jobs service checks what belongs to which kind."""

    label = StringField("Question", validators=[DataRequired(), Length(max=300)])
    kind = SelectField(
        "Answer", choices=options([(k.value, QUESTION_KIND_LABELS[k]) for k in QuestionKind])
    )
    required = BooleanField("Required")
    options = TextAreaField("Choices, one per line", render_kw={"rows": 4})
    knockout_answers = TextAreaField(
        "Knockout answers, one per line (yes, no, or choices)", render_kw={"rows": 2}
    )
    knockout_below = DecimalField("Knocks out below", validators=[Optional()])
    knockout_above = DecimalField("Knocks out above", validators=[Optional()])

    def to_fields(self) -> QuestionFields:
        below, above = self.knockout_below.data, self.knockout_above.data
        return QuestionFields(
            label=self.label.data or "",
            kind=self.kind.data or "",
            required=bool(self.required.data),
            options=(self.options.data or "").splitlines(),
            knockout_answers=(self.knockout_answers.data or "").splitlines(),
            knockout_below=float(below) if below is not None else None,
            knockout_above=float(above) if above is not None else None,
        )
