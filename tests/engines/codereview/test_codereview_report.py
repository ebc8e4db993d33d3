"""JSON shape, renderers, CLI entry, score and questions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.engines.codereview.conftest import write_tree

from hirekit.engines.codereview import Report, render_html, render_markdown, review, run_cli
from hirekit.engines.guide.model import Guide, MarketSnapshot, Question

Reviewed = Callable[[dict[str, str]], Report]
REQUIRED = {
    "schema_version", "root", "app_factory", "apps", "blueprints", "extensions", "routes",
    "tests", "config_from_env", "findings", "stats", "score", "level", "questions",
}  # fmt: skip
MESSY = {
    "app.py": """
    from flask import Flask, request, render_template_string
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "s3cr3t-prod-key-9"

    @app.route("/hello")
    def hello():
        return render_template_string("Hi " + request.args["n"])

    if __name__ == "__main__":
        app.run(debug=True)
    """
}
CLEAN = {
    "shop/__init__.py": """
    from flask import Flask
    from .extensions import db

    def create_app(config=None):
        app = Flask(__name__)
        app.config.from_prefixed_env()
        app.config.from_mapping(config or {})
        db.init_app(app)
        from .views import bp
        app.register_blueprint(bp)
        app.register_error_handler(404, lambda e: ({"error": "not found"}, 404))
        return app
    """,
    "shop/extensions.py": "from flask_sqlalchemy import SQLAlchemy\n"
    "from flask_migrate import Migrate\ndb = SQLAlchemy()\nmigrate = Migrate()\n",
    "shop/views.py": """
    from flask import Blueprint, jsonify
    bp = Blueprint("shop", __name__)

    @bp.get("/items")
    def items():
        return jsonify([])

    @bp.post("/items")
    def add():
        return jsonify({}), 201
    """,
    "tests/conftest.py": "import pytest\nfrom shop import create_app\n\n@pytest.fixture\n"
    "def client():\n    return create_app({'TESTING': True}).test_client()\n",
    "tests/test_items.py": "def test_items(client):\n    assert client.get('/items').json == []\n",
    "tests/test_add.py": "def test_add(client):\n"
    "    assert client.post('/items').status_code == 201\n",
}


def _guide(questions: tuple[Question, ...]) -> Guide:
    market = MarketSnapshot("US", "USD", 1, 2, "hard", 1, 2)
    return Guide(
        "flask", "Flask developer", "t", "s", market, (), (), (), (), (), (), {}, questions
    )


def test_to_dict_has_the_schema_and_is_json(reviewed: Reviewed) -> None:
    data = reviewed(MESSY).to_dict()
    assert set(data) >= REQUIRED
    assert data["schema_version"] == 1
    assert json.loads(json.dumps(data)) == data
    assert set(data["stats"]) == {"python_files", "test_files", "lines", "parse_errors", "seconds"}
    for finding in data["findings"]:
        assert set(finding) == {"rule", "severity", "file", "line", "message"}
    for q in data["questions"]:
        assert set(q) == {"question", "because"}


def test_messy_project_scores_low_clean_project_scores_high(
    reviewed: Reviewed, tmp_path: Path
) -> None:
    messy = reviewed(MESSY)
    clean = review(write_tree(tmp_path / "clean", CLEAN))
    assert messy.level == "junior"
    assert clean.level == "senior", clean.level_reasons
    assert clean.score > messy.score + 30
    assert clean.breakdown["security"] == 100
    assert messy.breakdown["security"] < 50
    assert clean.findings == []
    assert any("create_app" in r for r in clean.level_reasons)


def test_questions_use_guide_by_topic_and_fall_back(reviewed: Reviewed) -> None:
    bank = (
        Question(
            "cfg1", "How do you keep secrets out of code?", "configuration", ("rest-api",), "", ""
        ),
        Question("sec1", "Explain SSTI.", "security", ("rest-api",), "", ""),
    )
    report = review_with_guide(reviewed, _guide(bank))
    texts = {q.question for q in report.questions}
    assert "How do you keep secrets out of code?" in texts
    by_topic = {q.topic: q for q in report.questions}
    assert by_topic["configuration"].guide_id == "cfg1"
    assert "hardcoded-secret" in by_topic["configuration"].because
    # no "templates" question in this bank -> own wording, naming the evidence
    assert by_topic["templates"].guide_id is None
    assert "app.py:7" in by_topic["templates"].question


def review_with_guide(reviewed: Reviewed, guide: Guide) -> Report:
    report = reviewed(MESSY)
    return review(Path(report.root), guide=guide)


def test_markdown_and_html_render_evidence(reviewed: Reviewed) -> None:
    report = reviewed(MESSY)
    md = render_markdown(report)
    assert "`template-injection` `app.py:7`" in md
    html = render_html(report)
    assert "http://" not in html and "https://" not in html and "<script" not in html
    assert "<mark>" in html and "render_template_string(&quot;Hi &quot;" in html
    assert "<mark>" not in render_html(report, snippets=False)


def test_run_cli_formats_and_errors(
    reviewed: Reviewed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = reviewed(MESSY).root
    out = tmp_path / "r.json"
    assert run_cli(root, "json", str(out)) == 0
    assert json.loads(out.read_text())["schema_version"] == 1
    assert run_cli(root, "md", None) == 0
    assert capsys.readouterr().out.startswith("# Code review")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"nope")
    assert run_cli(str(bad), "html", None) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
