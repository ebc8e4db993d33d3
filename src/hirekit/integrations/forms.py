"""The webhook registration form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, StringField, URLField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SubscriptionForm(FlaskForm):
    url = URLField("Payload URL (https://)", validators=[DataRequired(), Length(max=500)])
    description = StringField("Description", validators=[Length(max=200)])
    events = CheckboxesField("Events", validators=[DataRequired("Choose at least one event.")])
