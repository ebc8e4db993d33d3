"""Project-wide rules: structure, tests, error handlers, unparsable files."""

from __future__ import annotations

from collections.abc import Callable

from tests.engines.codereview.codereview_helpers import findings, rules_of

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def _routes(n: int) -> str:
    head = "from flask import Flask, jsonify\napp = Flask(__name__)\n"
    return head + "".join(
        f"@app.route('/r{i}')\ndef r{i}():\n    return jsonify(i={i})\n" for i in range(n)
    )


def test_routes_in_one_module_over_fifteen(reviewed: Reviewed) -> None:
    assert "routes-in-one-module" not in rules_of(reviewed({"app.py": _routes(15)}))
    report = reviewed({"app.py": _routes(16)})
    [f] = findings(report, "routes-in-one-module")
    assert (f.file, f.line, f.message) == ("app.py", 3, "16 routes in one module")


def test_no_tests_and_no_error_handlers_for_json_api(reviewed: Reviewed) -> None:
    report = reviewed({"app.py": _routes(2)})
    assert {"no-tests", "no-error-handlers"} <= rules_of(report)
    with_handler = reviewed(
        {
            "app.py": _routes(2) + "@app.errorhandler(404)\ndef nf(e):\n    return {}, 404\n",
            "tests/test_app.py": "def test_x():\n    assert True\n",
        }
    )
    assert rules_of(with_handler) & {"no-tests", "no-error-handlers"} == set()


def test_html_app_without_handlers_is_not_an_api(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": "from flask import Flask, render_template\napp = Flask(__name__)\n"
            "@app.route('/')\ndef i():\n    return render_template('i.html')\n"
        }
    )
    assert "no-error-handlers" not in rules_of(report)


def test_god_module_over_800_lines(reviewed: Reviewed) -> None:
    report = reviewed({"big.py": "x = 1\n" * 801, "ok.py": "y = 2\n" * 800})
    assert [(f.file, f.message) for f in findings(report, "god-module")] == [
        ("big.py", "801 lines in one module")
    ]


def test_syntax_errors_and_non_utf8_still_review_the_rest(reviewed: Reviewed, project) -> None:  # type: ignore[no-untyped-def]
    root = project(
        {
            "app.py": "from flask import Flask\napp = Flask(__name__)\n",
            "broken.py": "def f(:\n    pass\n",
            "py2.py": "print 'hello'\n",
        }
    )
    (root / "latin.py").write_bytes(b"# caf\xe9\nx = 1\n")
    from hirekit.engines.codereview import review

    report = review(root)
    errors = sorted((f.file, f.line) for f in findings(report, "syntax-error"))
    assert errors == [("broken.py", 1), ("latin.py", 1), ("py2.py", 1)]
    assert report.stats.parse_errors == 3
    assert [a.file for a in report.model.apps] == ["app.py"]
