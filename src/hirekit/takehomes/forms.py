"""Take-home forms: uploads, assignments, sending one, a reviewer's assessment, feedback."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DecimalField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from hirekit.forms import options
from hirekit.jobs.choices import UseCase
from hirekit.takehomes.services import invitations
from hirekit.takehomes.services.assessments import MAX_NOTES, RATINGS
from hirekit.takehomes.services.assignments import (
    MAX_BRIEF,
    MAX_DEADLINE_DAYS,
    MAX_HOURS,
    AssignmentFields,
)

USE_CASE_LABELS = {
    UseCase.REST_API: "REST API",
    UseCase.MICROSERVICES: "Microservices",
    UseCase.FULL_STACK: "Full-stack",
}


class UploadForm(FlaskForm):
    archive = FileField(
        "Take-home archive (.zip, .tar or .tar.gz)",
        validators=[FileRequired("Choose an archive to upload.")],
    )


class AssignmentForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=160)])
    use_case = SelectField(
        "Use case it assesses",
        choices=options([(u.value, USE_CASE_LABELS[u]) for u in UseCase]),
    )
    expected_hours = DecimalField(
        "Expected time (hours)",
        places=1,
        validators=[
            InputRequired("Say how many hours it should take."),
            NumberRange(0.5, MAX_HOURS),
        ],
    )
    deadline_days = IntegerField(
        "Deadline (days after sending)",
        default=7,
        validators=[
            InputRequired("Give the days to the deadline."),
            NumberRange(1, MAX_DEADLINE_DAYS),
        ],
    )
    brief = TextAreaField("Brief", validators=[Length(max=MAX_BRIEF)])
    starter = FileField("Starter files (.zip, .tar or .tar.gz)")
    remove_starter = BooleanField("Remove the starter files")
    hidden_tests = FileField("Hidden tests: pytest files (.zip, .tar or .tar.gz)")
    remove_hidden_tests = BooleanField("Remove the hidden tests")
    requirements = TextAreaField("Requirements for the hidden tests (name==version per line)")

    def to_fields(self) -> AssignmentFields:
        return AssignmentFields(
            title=self.title.data or "",
            brief=self.brief.data or "",
            use_case=self.use_case.data or "",
            expected_hours=float(self.expected_hours.data or 0),
            deadline_days=int(self.deadline_days.data or 0),
            requirements=self.requirements.data or "",
        )


class SendAssignmentForm(FlaskForm):
    application_id = SelectField(
        "Candidate", coerce=int, validators=[InputRequired("Choose a candidate.")]
    )


class AssessmentForm(FlaskForm):
    rating = SelectField(
        "Your rating",
        coerce=int,
        choices=options([(value, f"{value} — {label}") for value, label in RATINGS.items()]),
        validators=[InputRequired("Choose a rating.")],
    )
    notes = TextAreaField("Notes", validators=[Length(max=MAX_NOTES)])


class FeedbackForm(FlaskForm):
    body = TextAreaField(
        "Feedback for the candidate",
        validators=[
            DataRequired("Write the feedback before saving it."),
            Length(max=5000, message="At most 5000 characters."),
        ],
    )
    save = SubmitField("Save draft")
    approve = SubmitField("Approve and send")


class DraftForm(FlaskForm):
    """Only the CSRF token: drafting takes no input."""


class InviteForm(FlaskForm):
    application_id = SelectField("Application", coerce=int, validators=[InputRequired()])
    days = IntegerField(
        "Link valid for (days)",
        default=invitations.DEFAULT_DAYS,
        validators=[InputRequired(), NumberRange(1, invitations.MAX_DAYS)],
    )
