"""The webhook registration form."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, SelectMultipleField, StringField, URLField
from wtforms.validators import DataRequired, Length, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AtLeastOne:
    """Requires one choice or more without marking each box ``required``.

    DataRequired would flag the field required, and the browser would then
    insist on every checkbox being ticked.
    """

    def __call__(self, form: FlaskForm, field: Field) -> None:
        if not field.data:
            raise StopValidation("Choose at least one event.")


class SubscriptionForm(FlaskForm):
    url = URLField("Payload URL (https://)", validators=[DataRequired(), Length(max=500)])
    description = StringField("Description", validators=[Length(max=200)])
    events = CheckboxesField("Events", validators=[AtLeastOne()])
