"""Review by use case, and a level that follows the evidence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.engines.codereview.codereview_helpers import findings
from tests.engines.codereview.conftest import Tree, write_tree

from hirekit.engines.codereview import review

API_PROJECT: Tree = {
    "svc/__init__.py": """
    import os
    from flask import Flask
    def create_app():
        app = Flask(__name__)
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
        from .views import bp
        app.register_blueprint(bp)
        app.register_error_handler(404, lambda e: ({"error": "not found"}, 404))
        return app
    """,
    "svc/views.py": """
    import requests
    from flask import Blueprint, abort, request
    from marshmallow import Schema, fields
    bp = Blueprint("items", __name__)

    class ItemSchema(Schema):
        name = fields.Str(required=True)

    @bp.post("/items")
    def create():
        data = ItemSchema().load(request.get_json())
        return data, 201

    @bp.get("/items/<int:item_id>")
    def show(item_id):
        price = requests.get(f"https://prices.example/{item_id}").json()
        if price is None:
            abort(404)
        return {"id": item_id, "price": price}
    """,
    "tests/conftest.py": "from svc import create_app\n",
    "tests/test_items.py": "def test_create(client):\n    assert client\n",
    "tests/test_show.py": "def test_show(client):\n    assert client\n",
}


@pytest.fixture
def api_root(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "api", API_PROJECT)


def test_same_project_reads_differently_per_use_case(api_root: Path) -> None:
    rest = review(api_root, use_case="rest-api")
    micro = review(api_root, use_case="microservices")
    full = review(api_root, use_case="full-stack")
    plain = review(api_root)
    assert (rest.use_case, micro.use_case, full.use_case, plain.use_case) == (
        "rest-api",
        "microservices",
        "full-stack",
        None,
    )
    assert {i.area: i.met for i in rest.focus} == {
        "resource design": True,
        "status codes": True,
        "error handling": True,
        "validation": True,
    }
    micro_focus = {i.area: i.met for i in micro.focus}
    assert micro_focus["timeouts on outgoing calls"] is False
    assert micro_focus["health checks"] is False
    assert micro_focus["config per environment"] is True
    assert {i.area: i.met for i in full.focus} == {
        "Jinja2 templating": False,
        "forms with CSRF": False,
        "sessions and login": False,
    }
    assert rest.breakdown["use_case"] == 100
    assert full.breakdown["use_case"] == 0
    assert "use_case" not in plain.breakdown and plain.focus == []
    assert rest.score > micro.score > full.score
    # An HTTP call without a timeout is a finding for a microservice only.
    assert [(f.file, f.line) for f in findings(micro, "no-timeout")] == [("svc/views.py", 16)]
    assert findings(rest, "no-timeout") == []
    micro_questions = " ".join(q.question for q in micro.questions)
    full_questions = " ".join(q.question for q in full.questions)
    assert "hangs" in micro_questions and "alive and ready" in micro_questions
    assert "forms and CSRF" in full_questions and "sessions and login" in full_questions
    assert any(r.startswith("read for microservices: ") for r in micro.level_reasons)
    data = micro.to_dict()
    assert data["use_case"] == "microservices"
    assert {"area": "health checks", "met": False, "evidence": "no health or readiness route"} in (
        data["focus"]
    )


def test_unknown_use_case_is_refused(api_root: Path) -> None:
    with pytest.raises(ValueError, match="unknown use case"):
        review(api_root, use_case="data-science")


SMALL_TEMPLATE_APP: Tree = {
    "app.py": """
    import os
    from flask import Flask, render_template
    from flask_sqlalchemy import SQLAlchemy
    from flask_login import LoginManager
    db = SQLAlchemy()
    def create_app():
        app = Flask(__name__)
        app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")
        db.init_app(app)
        LoginManager(app)
        app.register_error_handler(404, lambda e: ("missing", 404))
        @app.route("/")
        def index():
            return render_template("index.html")
        return app
    """,
    "templates/index.html": "<h1>hi</h1>\n",
    "tests/test_index.py": "from app import create_app\ndef test_index():\n"
    "    assert create_app().test_client().get('/').status_code == 200\n",
}


def test_one_test_file_is_not_senior_and_the_level_says_why(
    reviewed: Callable[[Tree], object], tmp_path: Path
) -> None:
    one_test = review(write_tree(tmp_path / "small", SMALL_TEMPLATE_APP))
    assert one_test.level == "mid"
    assert one_test.level_reasons[0].startswith("mid, not senior: ")
    assert "1 test file(s), a suite needs 2" in one_test.level_reasons[0]
    suite = dict(SMALL_TEMPLATE_APP)
    suite["tests/test_more.py"] = (
        "from app import create_app\ndef test_app():\n    assert create_app()\n"
    )
    with_suite = review(write_tree(tmp_path / "suite", suite))
    assert with_suite.level == "senior", with_suite.level_reasons
    assert with_suite.level_reasons[0].startswith("senior: ")
