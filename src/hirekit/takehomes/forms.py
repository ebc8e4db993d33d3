"""The take-home upload form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired


class UploadForm(FlaskForm):
    archive = FileField(
        "Take-home archive (.zip, .tar or .tar.gz)",
        validators=[FileRequired("Choose an archive to upload.")],
    )
