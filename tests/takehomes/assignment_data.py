"""Archives and fields for assignment tests."""

from __future__ import annotations

import io
from typing import Any

from hirekit.takehomes.services.assignments import AssignmentFields, AssignmentFiles
from hirekit.takehomes.services.submissions import Upload
from tests.takehomes.archives import zip_bytes

STARTER = {"README.md": "# Starter\n", "app/__init__.py": "from flask import Flask\n"}
HIDDEN = {"tests/test_hidden_api.py": "def test_secret_behaviour():\n    assert True\n"}
HIDDEN_MARKER = b"test_secret_behaviour"


def fields(**overrides: Any) -> AssignmentFields:
    values: dict[str, Any] = {
        "title": "Build a small REST API",
        "brief": "# The task\n\nWrite **two** endpoints.\n\n<script>alert(1)</script>",
        "use_case": "rest-api",
        "expected_hours": 3.0,
        "deadline_days": 5,
        "requirements": "flask==3.1.3\npytest==9.2.0\n",
    }
    values.update(overrides)
    return AssignmentFields(**values)


def upload(data: bytes, name: str = "archive.zip") -> Upload:
    return Upload(name, io.BytesIO(data))


def files(starter: bool = True, hidden: bool = True) -> AssignmentFiles:
    return AssignmentFiles(
        starter=upload(zip_bytes(STARTER, top="starter/"), "starter.zip") if starter else None,
        hidden_tests=upload(zip_bytes(HIDDEN, top=""), "hidden.zip") if hidden else None,
    )
