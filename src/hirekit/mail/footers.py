"""Lines other domains add to every email about an application (the applicant's status link).

A domain registers a provider on the app when it starts; the outbox asks each
one while recording a message. The outbox thereby knows nothing of the domains
that add to its messages, and they need not wrap every place that sends mail.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app

#: Given an application id and the recipient, the line to add (None: nothing to add).
FooterProvider = Callable[[int, str], str | None]
_KEY = "hirekit.mail_footers"


def register_footer(app: Flask, provider: FooterProvider) -> None:
    providers: list[FooterProvider] = app.extensions.setdefault(_KEY, [])
    if provider not in providers:
        providers.append(provider)


def footers_for(application_id: int, recipient: str) -> list[str]:
    providers: list[FooterProvider] = current_app.extensions.get(_KEY, [])
    return [line for provider in providers if (line := provider(application_id, recipient))]
