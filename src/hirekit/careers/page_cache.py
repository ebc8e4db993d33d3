"""The open-positions page, rendered once for every visitor until what it shows changes.

The page an anonymous visitor sees depends only on the open public jobs, the
careers look (logo, colour) and this process's configuration, and it is by far
the most visited page. Each process keeps the page it rendered together with
the postings version it rendered it from (see ``postings_version``), read from
the database on every request: far cheaper than building the postings and
rendering. A change made anywhere (another worker, another server) changes that
value, so the next request renders afresh; nothing needs to be told to forget.

Signed-in colleagues (their name is in the header) and visitors with a message
waiting (a flash) get the page rendered for them, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, request, session
from flask_login import COOKIE_NAME
from werkzeug.http import generate_etag

from hirekit.accounts.auth import page_user
from hirekit.bounded_cache import BoundedCache
from hirekit.careers.postings_version import postings_version

#: Distinct query strings kept per process; a crawler adding junk arguments cannot
#: grow the cache past this.
MAX_PAGES = 64
_EXTENSION = "hirekit_careers_pages"


@dataclass(frozen=True)
class _Page:
    version: tuple[Any, ...]
    body: bytes
    etag: str


def _anonymous_visitor() -> bool:
    """No one is signed in; without side effects when there is nothing to look at."""
    if not session and (
        "HTTP_COOKIE" not in request.environ or _remember_cookie() not in request.cookies
    ):
        return True  # Flask-Login would find no one, and change nothing, either
    # Flask-Login's own answer, with what it does to the session on the way.
    return page_user() is None


def _remember_cookie() -> str:
    return str(current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME))


def open_positions_page(render: Callable[[], str]) -> Response | str:
    """The page ``render`` makes, or the same bytes kept from an earlier request."""
    if current_app.debug or not _anonymous_visitor() or "_flashes" in session:
        return render()  # templates may change under the debugger; personal pages are not kept
    pages: BoundedCache[tuple[Any, ...], _Page] = current_app.extensions.setdefault(
        _EXTENSION, BoundedCache(MAX_PAGES)
    )
    environ = request.environ
    where = (environ["wsgi.url_scheme"], environ.get("HTTP_HOST"), request.script_root)
    key = (*where, tuple(sorted(request.args.items(multi=True))))
    # Read before rendering: a change made meanwhile is newer than the version kept with
    # the page, so the next request renders again instead of keeping an old page.
    version = postings_version()
    kept = pages.get(key)
    if kept is None or kept.version != version:
        body = render().encode()
        kept = _Page(version, body, generate_etag(body))
        pages.put(key, kept)
    response = Response(kept.body, mimetype="text/html")
    response.set_etag(kept.etag)  # the hash caching.py would compute from the same bytes
    return response
