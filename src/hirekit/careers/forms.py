"""The public application form. Validation lives in the careers service, one place for both
the page and its messages; the form carries the CSRF token and the values back."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, StringField, TextAreaField


class ApplyForm(FlaskForm):
    name = StringField("Full name")
    email = EmailField("Email")
    resume = FileField("Resume (PDF, DOCX, ODT, RTF or TXT)")
    links = TextAreaField("Links (GitHub, portfolio, LinkedIn; one per line, optional)")
    cover_note = TextAreaField("Cover note (optional)")
    consent = BooleanField("I agree that my data is processed for this application")
    # A honeypot: hidden from people by CSS, filled in by form-filling bots.
    website = StringField("Leave this field empty")
