"""Candidate, note, application, merge and board forms (Flask-WTF: CSRF on every one)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from hirekit.candidates.choices import SOURCES
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.forms import options


class CandidateForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=160)])
    email = EmailField("Email", validators=[Optional(), Length(max=254)])
    phone = StringField("Phone", validators=[Length(max=40)])
    links = TextAreaField(
        "Links, one per line", validators=[Length(max=3000)], render_kw={"rows": 3}
    )
    tags = StringField("Tags, separated by commas", validators=[Length(max=600)])
    source = SelectField("Source", choices=options([("", "—"), *[(s, s) for s in SOURCES]]))

    def to_fields(self) -> CandidateFields:
        return CandidateFields(
            name=self.name.data or "",
            email=self.email.data or "",
            phone=self.phone.data or "",
            links=(self.links.data or "").splitlines(),
            tags=(self.tags.data or "").split(","),
            source=self.source.data or "",
        )

    def fill(self, fields: CandidateFields) -> None:
        self.name.data, self.email.data, self.phone.data = fields.name, fields.email, fields.phone
        self.links.data = "\n".join(fields.links)
        self.tags.data = ", ".join(fields.tags)
        self.source.data = fields.source


class NewCandidateForm(CandidateForm):
    job_id = SelectField("Apply to job", coerce=int, choices=options([(0, "— no job yet —")]))
    note = TextAreaField("First note", validators=[Length(max=10_000)], render_kw={"rows": 4})
    allow_duplicate = BooleanField("Create anyway: this is a different person")


class NoteForm(FlaskForm):
    body = TextAreaField("Note", validators=[DataRequired(), Length(max=10_000)])


class ApplyForm(FlaskForm):
    job_id = SelectField("Job", coerce=int, choices=[])


class MergeForm(FlaskForm):
    other_id = StringField("Merge this candidate in (id)", validators=[DataRequired()])


class ActionForm(FlaskForm):
    """A pipeline action for one card or many (see ``applications.Action``)."""

    action = StringField("Action", validators=[DataRequired(), Length(max=60)])
    tags = StringField("Tags", validators=[Length(max=600)])
    # Only with a move into an offer stage: the yearly salary offered.
    salary = IntegerField("Salary offered", validators=[Optional(), NumberRange(min=1)])


class RevealForm(FlaskForm):
    reason = StringField("Why reveal who this is", validators=[DataRequired(), Length(max=500)])


class BlindReviewForm(FlaskForm):
    """Blind review on or off for oneself (a hidden field carries the wanted state)."""

    on = StringField("Blind review", validators=[Length(max=5)])
