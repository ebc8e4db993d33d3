"""Sign-in, password and token forms (Flask-WTF: CSRF on every one)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from hirekit.accounts.passwords import MIN_LENGTH
from hirekit.accounts.permissions import Role
from hirekit.forms import options

ROLE_CHOICES = [(r.value, r.label) for r in Role]


def role_options() -> list[SelectChoice]:
    return options(list(ROLE_CHOICES))


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=256)])
    remember = BooleanField("Keep me signed in on this device")
    # Filled by the browser's script (Intl API): the default time zone on first sign-in.
    time_zone = HiddenField(
        validators=[Optional(), Length(max=64)], render_kw={"data-browser-time-zone": ""}
    )


class TimeZoneForm(FlaskForm):
    time_zone = StringField(
        "Time zone",
        validators=[DataRequired(), Length(max=64)],
        render_kw={"list": "zones", "data-browser-time-zone": ""},
    )


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField(
        "New password", validators=[DataRequired(), Length(min=MIN_LENGTH, max=256)]
    )
    confirm = PasswordField(
        "Repeat new password", validators=[EqualTo("new_password", "The passwords do not match.")]
    )


class TokenForm(FlaskForm):
    name = StringField("Token name", validators=[DataRequired(), Length(max=80)])


class UserCreateForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    name = StringField("Name", validators=[Length(max=120)])
    role = SelectField("Role", choices=role_options())
    password = PasswordField(
        "Initial password", validators=[DataRequired(), Length(min=MIN_LENGTH, max=256)]
    )


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=role_options())


class EmptyForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change state."""
