"""Import name -> PyPI distribution (lower-case) for Flask extensions.

Maintained as data: when a project imports a module listed here and uses a
name from it, the distribution counts as a used extension. Unknown
``flask_*`` modules fall back to the usual ``flask-*`` distribution name.
"""

from __future__ import annotations

from collections.abc import Sequence

EXTENSIONS: dict[str, str] = {
    "flask_sqlalchemy": "flask-sqlalchemy",
    "flask_login": "flask-login",
    "flask_bootstrap": "flask-bootstrap",
    "flask_restx": "flask-restx",
    "flask_restplus": "flask-restplus",
    "flasgger": "flasgger",
    "flask_wtf": "flask-wtf",
    "flask_migrate": "flask-migrate",
    "flask_cors": "flask-cors",
    "flask_jwt_extended": "flask-jwt-extended",
    "flask_jwt": "flask-jwt",
    "flask_marshmallow": "flask-marshmallow",
    "flask_smorest": "flask-smorest",
    "flask_caching": "flask-caching",
    "flask_cache": "flask-cache",
    "flask_limiter": "flask-limiter",
    "flask_mail": "flask-mail",
    "flask_mailman": "flask-mailman",
    "flask_babel": "flask-babel",
    "flask_babelex": "flask-babelex",
    "flask_admin": "flask-admin",
    "flask_restful": "flask-restful",
    "flask_socketio": "flask-socketio",
    "flask_session": "flask-session",
    "flask_talisman": "flask-talisman",
    "flask_bcrypt": "flask-bcrypt",
    "flask_principal": "flask-principal",
    "flask_security": "flask-security",
    "flask_debugtoolbar": "flask-debugtoolbar",
    "flask_moment": "flask-moment",
    "flask_pymongo": "flask-pymongo",
    "flask_mongoengine": "flask-mongoengine",
    "flask_redis": "flask-redis",
    "flask_compress": "flask-compress",
    "flask_assets": "flask-assets",
    "flask_httpauth": "flask-httpauth",
    "flask_dance": "flask-dance",
    "flask_oauthlib": "flask-oauthlib",
    "flask_seasurf": "flask-seasurf",
    "flask_apscheduler": "flask-apscheduler",
    "flask_executor": "flask-executor",
    "flask_appbuilder": "flask-appbuilder",
    "flask_uploads": "flask-uploads",
    "flask_static_digest": "flask-static-digest",
    "flask_sock": "flask-sock",
    "flask_htmx": "flask-htmx",
    "flask_graphql": "flask-graphql",
    "flask_openapi3": "flask-openapi3",
    "flask_injector": "flask-injector",
    "flask_testing": "flask-testing",
    "flask_mysqldb": "flask-mysqldb",
    "flask_sslify": "flask-sslify",
    "flask_gravatar": "flask-gravatar",
    "flask_themes2": "flask-themes2",
    "flask_allows": "flask-allows",
    "flask_whooshee": "flask-whooshee",
    "flask_pagedown": "flask-pagedown",
    "flask_misaka": "flask-misaka",
    "flask_rq2": "flask-rq2",
    "flask_celery": "flask-celery-helper",
    "flask_simpleldap": "flask-simpleldap",
    "flask_ldap3_login": "flask-ldap3-login",
    "flask_paranoid": "flask-paranoid",
    "flask_sitemap": "flask-sitemap",
    "flask_flatpages": "flask-flatpages",
    "flask_frozen": "frozen-flask",
    "flask_cachebuster": "flask-cachebuster",
    "flask_webpack": "flask-webpack",
    "flask_humanize": "flask-humanize",
    "flask_security_too": "flask-security-too",
    "flask_mongoalchemy": "flask-mongoalchemy",
    "flask_user": "flask-user",
    "flask_kvsession": "flask-kvsession",
    "flask_script": "flask-script",
}

#: Imports that are test tooling rather than application extensions.
TEST_ONLY = frozenset({"flask-testing"})


#: Classes only Bootstrap-Flask has; both distributions install ``flask_bootstrap``.
BOOTSTRAP_FLASK_NAMES = ("Bootstrap4", "Bootstrap5", "SwitchableBootstrap")
BOOTSTRAP_DISTS = frozenset({"flask-bootstrap", "bootstrap-flask"})


def settle_bootstrap(extensions: set[str], dependencies: Sequence[str]) -> set[str]:
    """Which of the two ``flask_bootstrap`` distributions it is: the declared one wins."""
    found = extensions & BOOTSTRAP_DISTS
    declared = BOOTSTRAP_DISTS & {d.lower().replace("_", "-") for d in dependencies}
    if not found or len(declared) != 1:
        return extensions
    return (extensions - BOOTSTRAP_DISTS) | declared


def distribution_for(module: str) -> str | None:
    """Distribution of a Flask extension import (``flask_login.utils`` -> ``flask-login``)."""
    top = module.split(".", 1)[0]
    if top == "flask_bootstrap" and module.endswith(BOOTSTRAP_FLASK_NAMES):
        return "bootstrap-flask"
    if top in EXTENSIONS:
        return EXTENSIONS[top]
    if top.startswith("flask_") and len(top) > len("flask_"):
        return top.replace("_", "-")
    return None
