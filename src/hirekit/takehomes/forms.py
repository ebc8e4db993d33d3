"""The take-home upload form and the feedback form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length


class UploadForm(FlaskForm):
    archive = FileField(
        "Take-home archive (.zip, .tar or .tar.gz)",
        validators=[FileRequired("Choose an archive to upload.")],
    )


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
