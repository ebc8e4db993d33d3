"""The result's shape, issue order, guide links, and the CLI entry."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hirekit.engines.joblint import RULE_IDS, JobPost, lint_job, lint_post
from hirekit.engines.joblint.cli_entry import run_cli

POSTS = Path(__file__).parent / "posts"


def test_to_dict_has_the_documented_keys() -> None:
    result = lint_job((POSTS / "terse_bullets.txt").read_text("utf-8"))
    data = result.to_dict()
    assert set(data) == {"issues"}
    assert len(data["issues"]) == len(result.issues) >= 4
    for item in data["issues"]:
        assert {"rule", "quote", "message", "suggestion"} <= set(item)
        assert item["rule"] in RULE_IDS
    json.dumps(data)


def test_quoted_issues_come_first_in_text_order() -> None:
    result = lint_job((POSTS / "terse_bullets.txt").read_text("utf-8"))
    starts = [i.start for i in result.issues]
    quoted = [s for s in starts if s is not None]
    assert quoted == sorted(quoted)
    assert starts[: len(quoted)] == quoted


def test_lint_post_and_lint_job_agree() -> None:
    text = (POSTS / "startup_hype.txt").read_text("utf-8")
    assert lint_post(JobPost(text, level="senior")) == lint_job(text, level="senior")


def test_messages_name_the_guide_mistake() -> None:
    result = lint_job((POSTS / "django_in_flask.txt").read_text("utf-8"))
    (issue,) = result.issues
    assert issue.mistake == "treating-flask-like-django"
    assert "as if for Django" in issue.message


def run(path: Path | str, fmt: str = "text") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_cli(str(path), fmt, out=out, err=err)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def test_cli_text_lists_issues_and_exits_zero() -> None:
    code, out, err = run(POSTS / "short_post.txt")
    assert code == 0 and err == ""
    assert "[years-of-flask]" in out and '"5+ years of Flask"' in out


def test_cli_json_is_the_result_dict() -> None:
    code, out, _ = run(POSTS / "german_eur.txt", "json")
    assert code == 0
    assert [i["rule"] for i in json.loads(out)["issues"]] == ["exclusionary-wording"]


def test_cli_reports_a_clean_post() -> None:
    code, out, _ = run(POSTS / "corporate_clean.txt")
    assert (code, out) == (0, "No issues found.\n")


def test_cli_reads_latin_1_files(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_bytes("Développeur Flask. 5+ years of Flask requis, café offert.".encode("latin-1"))
    code, out, _ = run(path)
    assert code == 0 and "years-of-flask" in out


def test_cli_unreadable_input_exits_two_with_one_line(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path):
        code, out, err = run(path)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and err.startswith("lint-job: cannot read")


def test_cli_rejects_an_unknown_format(tmp_path: Path) -> None:
    code, _, err = run(POSTS / "short_post.txt", "xml")
    assert code == 2 and "unknown format" in err
