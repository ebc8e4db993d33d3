"""A second step before a destructive form takes effect, working without JavaScript.

A destructive form posts once without ``confirm=yes`` and gets a page that
repeats its fields with that flag and says what will happen; only the second
post acts. ``confirm.js`` shortens this to a dialog in the browser by adding
the flag itself once the person agrees, so the page is never shown there.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import render_template, request

CONFIRM_FIELD = "confirm"
CONFIRM_VALUE = "yes"


def confirmed() -> bool:
    return request.form.get(CONFIRM_FIELD) == CONFIRM_VALUE


def ask(
    *,
    title: str,
    message: str,
    button: str,
    cancel_url: str,
    items: Iterable[str] = (),
) -> tuple[str, int]:
    """The confirmation page: the same post again with ``confirm=yes``, or a way back."""
    # The submitted fields go back as they came (multi-valued ones too), minus the
    # token, which the template writes fresh, and any stale flag.
    fields = [
        (name, value)
        for name, values in request.form.lists()
        if name not in (CONFIRM_FIELD, "csrf_token")
        for value in values
    ]
    return render_template(
        "confirm.html",
        title=title,
        message=message,
        button=button,
        cancel_url=cancel_url,
        items=list(items),
        fields=fields,
        action=request.path,
    ), 200
