"""hirekit review / screen / lint-job: the engines from the shell."""

from __future__ import annotations

import json

from hirekit.cli import cli

APP = """\
from flask import Flask
app = Flask(__name__)
app.config["SECRET_KEY"] = "s3cr3t-literal-value"

@app.route("/")
def index():
    return "hi"
"""


def test_review_prints_the_json_report(runner, tmp_path):
    (tmp_path / "app.py").write_text(APP)
    result = runner.invoke(cli, ["review", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["schema_version"] == 1
    assert report["apps"] == [{"file": "app.py", "line": 2, "kind": "Flask"}]
    assert "hardcoded-secret" in {f["rule"] for f in report["findings"]}


def test_review_writes_markdown_and_html(runner, tmp_path):
    (tmp_path / "app.py").write_text(APP)
    out = tmp_path / "report.html"
    assert (
        runner.invoke(
            cli, ["review", str(tmp_path), "--format", "html", "--output", str(out)]
        ).exit_code
        == 0
    )
    assert out.read_text().startswith("<!doctype html>")
    md = runner.invoke(cli, ["review", str(tmp_path), "--format", "md"]).output
    assert md.startswith("# Code review")


def test_review_refuses_bad_input_with_exit_2(runner, tmp_path):
    junk = tmp_path / "takehome.zip"
    junk.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = runner.invoke(cli, ["review", str(junk)])
    assert result.exit_code == 2
    missing = runner.invoke(cli, ["review", str(tmp_path / "nope")])
    assert missing.exit_code == 2


def test_review_limits_come_from_configuration(app_factory, tmp_path):
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "big.py").write_text("x = 1\n" * 200_000)  # 1.2 MB
    app = app_factory(REVIEW_MAX_SOURCE_FILE_MB=1)
    report = json.loads(app.test_cli_runner().invoke(cli, ["review", str(tmp_path)]).output)
    assert report["skipped_files"] == ["big.py"]
    assert report["stats"]["python_files"] == 1


def test_lint_job_flags_years_of_flask(runner, tmp_path):
    post = tmp_path / "post.md"
    post.write_text("Senior Flask engineer. Requirements: 5+ years of Flask.\n")
    result = runner.invoke(cli, ["lint-job", str(post), "--format", "json"])
    assert result.exit_code == 0
    rules = {i["rule"] for i in json.loads(result.output)["issues"]}
    assert "years-of-flask" in rules


def test_screen_reads_a_text_resume(runner, tmp_path):
    resume = tmp_path / "jane.txt"
    resume.write_text(
        "Jane Example\njane@example.com\n\nExperience\n"
        "Built a REST API in Flask with Flask-SQLAlchemy and PostgreSQL, tested with pytest.\n"
    )
    result = runner.invoke(cli, ["screen", str(resume), "--format", "json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)
    assert row["mentions_flask"] is True
    assert "flask_extensions" in {f["flag"] for f in row["green_flags"]}
    # Professional Flask work with an API, a database and tests: the spec's strong band,
    # and the points shown add up to the score.
    assert row["fit"] == "strong" and row["yellow_flags_assessed"] is True
    assert sum(c["points"] for c in row["score_contributions"]) == row["score"]
    assert row["explanation"][-1].startswith(f"Score {row['score']} = ")
    nothing = runner.invoke(cli, ["screen", str(tmp_path / "missing.pdf")])
    assert nothing.exit_code == 2
