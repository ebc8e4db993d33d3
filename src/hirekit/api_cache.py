"""API list answers kept per process while the data they show is unchanged.

An integration polling ``GET /api/v1/candidates`` asks the same question again
and again; answering it costs a token check, a count, a page query and a
serialisation. Each process keeps the last answers (body and headers) keyed by
the caller and the full URL, with the data version (:mod:`hirekit.data_version`)
read before they were computed. The same caller asking the same URL at the
same data version gets the kept answer: same rows, same visibility (roles,
teams, blind review and reveals are data too), same permission outcome.

Only successful ``GET`` answers are kept, only for callers whose token this
process checked at the current data version; everything else runs the view.
ETags and 304s are added after the view, as for any API answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar, cast

from flask import current_app, g, request
from werkzeug.wrappers import Response

from hirekit import data_version
from hirekit.accounts.auth import known_caller_id
from hirekit.bounded_cache import BoundedCache

F = TypeVar("F", bound=Callable[..., Any])

#: Answers a process keeps (least recently used go first): a few MB at most.
KEPT_ANSWERS = 256
_SKIPPED_HEADERS = frozenset({"content-length", "set-cookie"})


@dataclass(frozen=True)
class _Answer:
    stamp: int
    body: bytes
    headers: tuple[tuple[str, str], ...]


class AnswerStore:
    """(caller id, URL) to the answer given at a data version; stale answers are dropped."""

    def __init__(self, size: int = KEPT_ANSWERS) -> None:
        self._answers: BoundedCache[tuple[int, str], _Answer] = BoundedCache(size)

    def get(self, caller: int, url: str, stamp: int) -> Response | None:
        answer = self._answers.get((caller, url))
        if answer is None:
            return None
        if answer.stamp != stamp:
            self._answers.discard((caller, url))
            return None
        return Response(answer.body, status=200, headers=list(answer.headers))

    def put(self, caller: int, url: str, stamp: int, response: Response) -> None:
        headers = tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in _SKIPPED_HEADERS
        )
        self._answers.put((caller, url), _Answer(stamp, response.get_data(), headers))


def _store() -> AnswerStore:
    store: AnswerStore = current_app.extensions.setdefault("hirekit_api_answers", AnswerStore())
    return store


def kept_while_unchanged(view: F) -> F:
    """Answer a ``GET`` list from the process's kept answers when the data is unchanged.

    Put it outside ``api_requires``: a kept answer was given to the same caller
    at the same data version, so the permission check passed then as it would now.
    """

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if request.method != "GET":
            return view(*args, **kwargs)
        # First, before anything is read: a kept answer is never older than its stamp.
        stamp = data_version.current()
        store = _store()
        caller = known_caller_id()
        # The host is part of the key: the Link headers name it.
        url = request.host + request.full_path
        if caller is not None and stamp is not None:
            kept = store.get(caller, url, stamp)
            if kept is not None:
                return kept
        response = current_app.make_response(view(*args, **kwargs))
        user = g.get("api_user")
        if stamp is not None and user is not None and response.status_code == 200:
            # The ETag every API answer gets (hirekit.caching), hashed once and kept with it.
            response.add_etag()
            store.put(user.id, url, stamp, response)
        return response

    return cast(F, wrapper)
