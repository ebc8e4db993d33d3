"""Forms: the admin's self-identification questions."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class QuestionForm(FlaskForm):
    key = StringField("Key", validators=[DataRequired(), Length(max=40)])
    label = StringField(
        "Question shown to candidates", validators=[DataRequired(), Length(max=200)]
    )
    options = TextAreaField("Answers, one per line", validators=[DataRequired(), Length(max=2000)])
