"""The OpenAPI document and the code agree: schemathesis generates requests from the
document and sends them through the WSGI app, for an admin and for an interviewer.

Zero server errors and zero schema violations: every status code answered is
documented, and every body and content type matches what the document says. The
run is bounded (few examples per operation, derandomized) so the suite stays fast.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig

from hirekit import create_app
from hirekit.accounts import services
from hirekit.extensions import db
from tests.conftest import BASE_CONFIG

pytestmark = pytest.mark.slow

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture(scope="module")
def api_app(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder = tmp_path_factory.mktemp("openapi")
    shutil.copy(sqlite_template, folder / "hirekit.sqlite3")
    app = create_app(
        {
            **BASE_CONFIG,
            "DATABASE_URL": f"sqlite:///{folder / 'hirekit.sqlite3'}",
            "UPLOAD_DIR": str(folder / "uploads"),
            "EMBEDDED_WORKER": False,
        }
    )
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="module")
def tokens(api_app: Flask) -> dict[str, dict[str, str]]:
    headers = {}
    with api_app.app_context():
        for role in ("admin", "interviewer"):
            user = services.create_user(f"{role}-openapi@example.com", role, "correct-horse-42")
            issued = services.create_token(user, "openapi")
            headers[role] = {"Authorization": f"Bearer {issued.secret}"}
        db.session.commit()
    return headers


@pytest.fixture(scope="module")
def api_schema(api_app: Flask) -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", api_app)


@pytest.fixture(scope="module")
def interviewer_schema(api_app: Flask) -> Any:
    """The document without the coverage phase, for the interviewer's run.

    Permission is checked before any argument is read (``api_requires`` wraps the
    argument parsing), so for each operation an interviewer may not use, every one of
    the coverage phase's boundary and negative cases would get the same documented 403.
    Those cases are the admin run's; the interviewer's run keeps the examples and the
    generated cases, which reach each refusal and each operation an interviewer may use.
    """
    config = SchemathesisConfig.from_str("[phases.coverage]\nenabled = false\n")
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", api_app, config=config)


schema = schemathesis.pytest.from_fixture("api_schema")
interviewer_schema_cases = schemathesis.pytest.from_fixture("interviewer_schema")

BOUNDED = settings(
    max_examples=2,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@BOUNDED
def test_the_api_keeps_its_document_for_an_admin(case: Any, tokens: dict[str, Any]) -> None:
    case.call_and_validate(headers=tokens["admin"], checks=CHECKS)


@interviewer_schema_cases.parametrize()
@BOUNDED
def test_the_api_keeps_its_document_for_an_interviewer(case: Any, tokens: dict[str, Any]) -> None:
    case.call_and_validate(headers=tokens["interviewer"], checks=CHECKS)
