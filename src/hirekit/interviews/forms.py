"""Interview forms (Flask-WTF: CSRF on every one) and the parsing of the scorecard form."""

from __future__ import annotations

from collections.abc import Mapping

from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from hirekit.forms import options
from hirekit.interviews.services.scheduling import ScheduleFields
from hirekit.interviews.services.scorecards import ScorecardInput
from hirekit.interviews.services.tailored_ratings import TailoredItem


class CsrfForm(FlaskForm):
    """Forms whose fields vary (scorecards, kit edits): only the CSRF check is declared."""


class QuestionForm(FlaskForm):
    text = TextAreaField("Question", validators=[DataRequired(), Length(min=5, max=1000)])
    junior = TextAreaField("What a junior answer sounds like", validators=[Length(max=2000)])
    senior = TextAreaField("What a senior answer sounds like", validators=[Length(max=2000)])
    red_flag = TextAreaField("Red flag", validators=[Length(max=2000)])
    topic = StringField("Topic", validators=[Length(max=40)])
    part_id = SelectField("Interview", coerce=int, validate_choice=False)


class PartForm(FlaskForm):
    name = StringField("Interview name", validators=[DataRequired(), Length(max=80)])
    attributes = StringField("Focus attributes (comma-separated)", validators=[Length(max=500)])

    def attribute_list(self) -> list[str]:
        return [a.strip() for a in (self.attributes.data or "").split(",") if a.strip()]


class ScheduleForm(FlaskForm):
    candidate_id = SelectField("Candidate", coerce=int, validators=[DataRequired()])
    part_id = SelectField("Kit part", coerce=int)
    interviewer_ids = SelectMultipleField("Interviewers", coerce=int)
    # The label names the scheduler's time zone; the view sets it (UTC when unset).
    starts_at = DateTimeLocalField("Date and time", validators=[DataRequired()])
    duration_minutes = IntegerField(
        "Duration (minutes)", default=60, validators=[NumberRange(15, 480)]
    )
    location = StringField("Location", validators=[Optional(), Length(max=200)])
    video_link = StringField("Video link", validators=[Optional(), Length(max=300)])

    def to_fields(self, time_zone: str) -> ScheduleFields:
        """The typed wall-clock time stays naive: the service reads it in ``time_zone``."""
        assert self.starts_at.data is not None
        return ScheduleFields(
            candidate_id=self.candidate_id.data,
            part_id=self.part_id.data or None,
            interviewer_ids=list(self.interviewer_ids.data or []),
            starts_at=self.starts_at.data,
            time_zone=time_zone or "UTC",
            duration_minutes=self.duration_minutes.data or 60,
            location=self.location.data or "",
            video_link=self.video_link.data or "",
        )


class DecisionForm(FlaskForm):
    decision = SelectField(
        "Decision",
        choices=options([("advance", "Advance"), ("reject", "Reject"), ("offer", "Offer")]),
    )
    reason = SelectField("Reject reason", validate_choice=False)
    note = TextAreaField("Note", validators=[Length(max=2000)])


def _rating(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


def parse_scorecard(
    form: Mapping[str, str],
    question_ids: list[int],
    attributes: list[str],
    tailored: list[TailoredItem] | None = None,
) -> ScorecardInput:
    """Read ``q<id>-rating``, ``q<id>-notes``, ``t-<hash>-rating``, ``t-<hash>-notes``,
    ``attr-<n>`` and the overall fields."""
    answers = {
        qid: (_rating(form.get(f"q{qid}-rating")), form.get(f"q{qid}-notes", ""))
        for qid in question_ids
    }
    attrs = {name: _rating(form.get(f"attr-{i}")) for i, name in enumerate(attributes)}
    rated = {
        t.key: (_rating(form.get(f"{t.field}-rating")), form.get(f"{t.field}-notes", ""))
        for t in tailored or []
    }
    return ScorecardInput(
        answers=answers,
        tailored={k: v for k, v in rated.items() if v[0] is not None or v[1].strip()},
        attributes=attrs,
        recommendation=form.get("recommendation", ""),
        key_points=form.get("key_points", ""),
    )
