"""A live hirekit server in a thread and a real headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.app_pool import AppPool
from tests.conftest import PG_URL, lend_apps

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

CHROMIUM = os.environ.get("HIREKIT_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SUBRESOURCES = {"stylesheet", "script", "image", "font"}


def buffered(app: Flask) -> WSGIApplication:
    """``app`` with each response body read and closed before it is sent.

    When Chromium drops a connection (a favicon request cancelled by the next
    navigation), werkzeug's development server can fail reading the socket
    before it closes the response, leaving a static file to be closed by the
    garbage collector: a ResourceWarning that lands in whichever test runs
    then. The app streams nothing, so buffering changes no page.
    """

    def serve(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return serve


class LiveServer:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self.server = make_server("127.0.0.1", 0, buffered(app), threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        # serve_forever looks for shutdown() between polls: at its default half second
        # every browser test waited about that long to end.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.thread.join(10)


#: The journeys run once, on the database a deployment runs on when the suite has one
#: (PostgreSQL), else on the embedded default. What differs between the two backends
#: lies below the pages and is proven on both by every other folder's tests; a page's
#: scripts, forms and flows are the same on either.
BROWSER_BACKEND = "postgresql" if PG_URL else "sqlite"


@pytest.fixture(params=[BROWSER_BACKEND])
def app_factory(
    request: pytest.FixtureRequest, app_pool: AppPool, lent_folder: Path
) -> Iterator[Callable[..., Flask]]:
    yield from lend_apps(request.param, request, app_pool, lent_folder)


@pytest.fixture
def live_server(app: Flask) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"script error: {exc}"))
    page.on("console", lambda msg: errors.append(msg.text) if "Refused to" in msg.text else None)
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.request.resource_type in SUBRESOURCES
            else None
        ),
    )
    yield page
    context.close()
    # A page that throws, breaks the CSP or misses a stylesheet/script fails its test.
    assert errors == [], errors


@pytest.fixture
def sign_in(page: Any, live_server: LiveServer) -> Callable[[str, str], None]:
    def do(email: str, password: str) -> None:
        page.goto(f"{live_server.url}/login")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/dashboard")

    return do
