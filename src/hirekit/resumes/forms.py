"""Resume upload forms, the blind-mode switch and the fit override."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, MultipleFileField
from wtforms import BooleanField, HiddenField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from hirekit.resumes.services.ranking import FITS


class ResumeForm(FlaskForm):
    resume = FileField(
        "Resume (PDF, DOCX, ODT, RTF, TXT or JSON Resume)",
        validators=[FileRequired("Choose a resume to upload.")],
    )


class BulkResumeForm(FlaskForm):
    files = MultipleFileField(
        "Resumes (many files, or a .zip of them)",
        validators=[DataRequired("Choose at least one resume or a .zip of resumes.")],
    )


class BlindForm(FlaskForm):
    blind = BooleanField("Blind review (hide names, contacts, schools)")


class OverrideForm(FlaskForm):
    fit = SelectField("Fit", choices=[SelectChoice(f, f) for f in FITS])
    reason = TextAreaField(
        "Reason",
        validators=[
            DataRequired("Say why you override the screening."),
            Length(min=3, max=2000, message="3 to 2,000 characters."),
        ],
    )
    job_id = HiddenField()
