"""Templates, markup, uploaded files and SQL handed on through variables and helpers."""

from __future__ import annotations

from collections.abc import Callable

from tests.engines.codereview.codereview_helpers import findings

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def _lines(report: Report, rule: str) -> list[int]:
    return [f.line for f in findings(report, rule)]


def test_constant_templates_are_not_template_injection(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "pages.py": """
            from flask import Flask, request, render_template_string
            from jinja2 import Environment
            app = Flask(__name__)
            PAGE = "<h1>{{ title }}</h1>"
            LAYOUTS = {"card": "<p>{{ who }}</p>", "row": "<tr>{{ who }}</tr>"}
            env = Environment(autoescape=True)

            @app.route("/page/<name>")
            def page(name):
                return render_template_string(PAGE, title=name)

            @app.route("/card")
            def card():
                layout = "<p>{{ who }}</p>"
                return env.from_string(layout).render(who=request.args["who"])

            @app.route("/layout/<kind>")
            def layout(kind):
                chosen = LAYOUTS[kind]
                other = LAYOUTS.get(request.args["alt"], "")
                return render_template_string(chosen + other, who="x")
            """
        }
    )
    assert findings(report, "template-injection") == []


def test_exception_and_remote_text_in_a_template_is_injection(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "errors.py": """
            import requests
            from flask import Flask, render_template_string
            from markupsafe import Markup
            app = Flask(__name__)

            @app.errorhandler(500)
            def failed(e):
                return render_template_string("<p>Error: " + str(e) + "</p>"), 500

            @app.route("/lookup")
            def lookup():
                try:
                    run_lookup()
                except ValueError as exc:
                    return render_template_string(f"<p>{exc}</p>")
                bio = requests.get("https://people.example/bio", timeout=5).text
                return Markup(f"<div>{bio}</div>")

            def banner():
                return Markup("<b>static</b>")
            """
        }
    )
    assert _lines(report, "template-injection") == [8, 15]
    assert _lines(report, "unsafe-markup") == [17]


def test_markup_around_request_data_is_unsafe(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "views.py": """
            from flask import Flask, request
            from markupsafe import Markup, escape
            app = Flask(__name__)

            @app.route("/hello")
            def hello():
                name = request.args.get("name", "")
                safe = Markup("<b>%s</b>") % escape(name)
                return Markup(f"<b>{name}</b>") + safe
            """
        }
    )
    assert _lines(report, "unsafe-markup") == [9]


def test_uploaded_yaml_read_back_from_disk_is_unsafe_deserialize(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "upload.py": """
            import os
            import yaml
            from flask import Flask, request
            from werkzeug.utils import secure_filename
            app = Flask(__name__)

            @app.route("/import", methods=["POST"])
            def import_settings():
                upload = request.files["settings"]
                path = os.path.join("/tmp", secure_filename(upload.filename))
                upload.save(path)
                with open(path) as handle:
                    data = handle.read()
                settings = yaml.load(data)
                safe = yaml.load(data, Loader=yaml.SafeLoader)
                return {"n": len(settings) + len(safe)}

            def load_defaults():
                with open("defaults.yml") as handle:
                    return yaml.load(handle.read())
            """
        }
    )
    assert _lines(report, "unsafe-deserialize") == [14]


def test_sql_through_a_variable_a_helper_and_a_query_runner(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "store.py": """
            import sqlite3
            from flask import Flask, request
            app = Flask(__name__)

            def run_query(sql, params=()):
                conn = sqlite3.connect("shop.db")
                return conn.execute(sql, params).fetchall()

            class Repo:
                def fetch(self, sql):
                    return self.cursor.execute(sql)

                def by_name(self, name):
                    return self.fetch("SELECT * FROM users WHERE name = '%s'" % name)

            @app.route("/search")
            def search():
                term = request.args["q"]
                query = "SELECT * FROM items WHERE title LIKE '%" + term + "%'"
                rows = run_query(query)
                more = run_query(f"SELECT * FROM tags WHERE tag = '{term}'")
                fine = run_query("SELECT * FROM tags WHERE tag = ?", (term,))
                return {"rows": rows + more + fine}
            """
        }
    )
    got = sorted((f.line, f.severity) for f in findings(report, "sql-string-format"))
    assert got == [(14, "medium"), (20, "high"), (21, "high")]


def test_sql_from_the_codes_own_constants_is_not_a_finding(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "migrations/versions/0042_status.py": """
            from alembic import op
            ACTIVE = 1
            batch_size = 500
            TABLES = ["rules", "calls"]

            def upgrade():
                op.execute("UPDATE users SET status = %d WHERE status IS NULL" % ACTIVE)
                op.execute("UPDATE users SET status = %s" % (ACTIVE,))
                for level in (1, 2, 3):
                    op.execute(f"UPDATE roles SET rank = {level} WHERE rank IS NULL")
                for i in range(3):
                    op.execute("DELETE FROM log WHERE shard = {}".format(i))
                op.execute(f"DELETE FROM jobs LIMIT {batch_size}")
                op.execute("SELECT * FROM {}".format(TABLES[0]))
            """
        }
    )
    assert findings(report, "sql-string-format") == []
