"""What runs around every request, trimmed to what that request needs.

Every page, API call and health probe passes through the same hooks, so their
fixed cost is paid on every request. The checks themselves stay the extensions'
own; only work that cannot matter for a request is skipped:

* Rate limits: hirekit limits a few views (sign-in, applying, uploads) with
  ``@limiter.limit``, whose wrapper checks them when the view runs.
  Flask-Limiter also registers a ``before_request`` pass for application-wide,
  default and blueprint limits; hirekit declares none, so that pass resolved an
  empty list on every request. It is removed, and startup fails if limits only
  that pass would enforce are ever configured. Its after-request and teardown
  hooks (conditional deductions, headers, resetting its state) run only on the
  requests that checked a limit.
* CSRF: Flask-WTF's hook looks up the view's exemptions before it finds that a
  GET needs no token; safe methods now return first.
* Hooks and views are plain functions: Flask's check for ``async def`` is made
  once per function instead of once per call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app, request
from flask.globals import request_ctx
from flask_limiter import Limiter

_LIMITER_STATE = "_limiter_request_context"
#: Far more than the app's views and hooks.
_MAX_KNOWN = 4096


class HirekitFlask(Flask):
    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        known: dict[Callable[..., Any], Callable[..., Any]] = self.__dict__.setdefault(
            "_sync_functions", {}
        )
        try:
            return known[func]
        except KeyError:
            synced = super().ensure_sync(func)
            if len(known) < _MAX_KNOWN:  # callables made per request are not kept forever
                known[func] = synced
            return synced
        except TypeError:  # an unhashable callable: ask each time
            return super().ensure_sync(func)


def trim_request_hooks(app: Flask, limiter: Limiter) -> None:
    """After every extension and domain registered its hooks."""
    _check_decorated_limits_only(app, limiter)
    _skip_csrf_on_safe_methods(app)


def _check_decorated_limits_only(app: Flask, limiter: Limiter) -> None:
    manager = limiter.limit_manager
    if (
        manager.application_limits
        or manager.default_limits
        or manager._blueprint_limits  # no public accessor
        or limiter._meta_limits
    ):
        raise RuntimeError(
            "application, default, blueprint or meta rate limits need Flask-Limiter's "
            "before_request check: keep it registered"
        )
    hooks = app.before_request_funcs.get(None, [])
    hooks[:] = [hook for hook in hooks if hook != limiter._check_request_limit]
    for funcs in (app.after_request_funcs.get(None, []), app.teardown_request_funcs.get(None, [])):
        for index, hook in enumerate(funcs):
            name = getattr(getattr(hook, "func", hook), "__qualname__", "")
            if name in ("Limiter.__inject_headers", "Limiter.__release_context"):
                funcs[index] = _only_after_a_limit_check(hook)


def _only_after_a_limit_check(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def run(response_or_error: Any) -> Any:
        # Flask-Limiter keeps its per-request state here, made by the first check.
        if not hasattr(request_ctx, _LIMITER_STATE):
            return response_or_error
        return hook(response_or_error)

    return run


def _skip_csrf_on_safe_methods(app: Flask) -> None:
    hooks = app.before_request_funcs.get(None, [])
    for index, hook in enumerate(hooks):
        if getattr(hook, "__qualname__", "") == "CSRFProtect.init_app.<locals>.csrf_protect":
            hooks[index] = _only_for_csrf_methods(hook)
            return
    raise RuntimeError("Flask-WTF's CSRF hook is not registered")


def _only_for_csrf_methods(check: Callable[[], Any]) -> Callable[[], Any]:
    def csrf_protect() -> Any:
        # Flask-WTF returns for these too, after looking up exemptions.
        if request.method not in current_app.config["WTF_CSRF_METHODS"]:
            return None
        return check()

    return csrf_protect
