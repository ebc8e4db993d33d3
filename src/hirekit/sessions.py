"""Signed-cookie sessions, as Flask keeps them, without per-request setup cost.

Flask's interface builds a new signing serializer on every request, even one
that carries no session cookie (most public pages, health probes, API calls).
This one builds it once per secret key, skips it when there is no cookie, and
answers an untouched empty session without reading the cookie settings. Cookies
it reads and writes are byte for byte Flask's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask.sessions import SecureCookieSession, SecureCookieSessionInterface, SessionMixin
from itsdangerous import BadSignature, URLSafeTimedSerializer

if TYPE_CHECKING:
    from flask import Flask
    from flask.wrappers import Request, Response


class LeanCookieSessionInterface(SecureCookieSessionInterface):
    def __init__(self) -> None:
        self._serializers: dict[tuple[object, ...], URLSafeTimedSerializer | None] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        # Keyed by the keys themselves: a rotated key (tests, key fallbacks) gets a new one.
        key = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        if key not in self._serializers:
            self._serializers[key] = super().get_signing_serializer(app)
        return self._serializers[key]

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if not app.secret_key:
            return None
        if "HTTP_COOKIE" not in request.environ:
            return self.session_class()  # no cookie at all: nothing to parse
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        serializer = self.get_signing_serializer(app)
        assert serializer is not None  # a secret key is set
        max_age = int(app.permanent_session_lifetime.total_seconds())
        try:
            return self.session_class(serializer.loads(value, max_age=max_age))
        except BadSignature:
            return self.session_class()

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if not session and not session.modified:
            # Nothing to write or delete: only the Vary header Flask would add.
            if session.accessed:
                if "Vary" in response.headers:
                    response.vary.add("Cookie")
                else:
                    response.headers["Vary"] = "Cookie"  # what vary.add writes, unparsed
            return
        super().save_session(app, session, response)


def init_sessions(app: Flask) -> None:
    app.session_interface = LeanCookieSessionInterface()
