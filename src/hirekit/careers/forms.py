"""The public application form and the careers pages' look. Validation lives in the careers
services, one place for both the page and its messages; the forms carry the CSRF token and the
values back."""

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


class BrandingForm(FlaskForm):
    accent_colour = StringField("Accent colour")
    logo = FileField("Logo (PNG or JPEG, up to 256 KB)")
    remove_logo = BooleanField("Remove the current logo")
