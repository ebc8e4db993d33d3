"""Confirmations: a deletion, and a decision on an applicant's data request."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired


class DeleteForm(FlaskForm):
    confirm = BooleanField(
        "I understand: every record and file about this person is deleted, for good.",
        validators=[DataRequired()],
    )


class DecisionForm(FlaskForm):
    confirm = BooleanField(
        "I have checked who asked and what it means", validators=[DataRequired()]
    )
