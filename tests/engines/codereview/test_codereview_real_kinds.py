"""Kinds met on real projects: names, guards and escaping that only look like findings."""

from __future__ import annotations

from collections.abc import Callable

from tests.engines.codereview.codereview_helpers import findings

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def _at(report: Report, rule: str) -> list[tuple[str, int]]:
    return [(f.file, f.line) for f in findings(report, rule)]


def test_a_value_naming_the_variable_that_holds_the_secret_is_not_one(
    reviewed: Reviewed,
) -> None:
    report = reviewed(
        {
            "board/legacy.py": """
            RENAMED = {
                "REDIS_URL": "BOARD_REDIS_URL",
                "REDIS_PASSWORD": "BOARD_REDIS_PASSWORD",
                "API_TOKEN": "BOARD_API_TOKEN",
            }
            MAIL_PASSWORD = "MAILER_SMTP_PASSWORD"
            DB_PASSWORD = "Zq8-REDIS_PASSWORD"
            """,
        }
    )
    # Only the mixed-case value is a password; the upper-case names are variables.
    assert _at(report, "hardcoded-secret") == [("board/legacy.py", 7)]


def test_allow_listed_values_and_table_names_are_not_sql_injection(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "site/db.py": """
            import sqlite3
            from flask import Flask, current_app, request

            app = Flask(__name__)

            def connect():
                mode = current_app.config.get("JOURNAL_MODE")
                if not mode.lower() in ("wal", "delete", "memory"):
                    raise ValueError(mode)
                db = sqlite3.connect("site.db")
                db.execute(f"pragma journal_mode = '{mode}'")
                return db

            def drop_all(db):
                names = [row[0] for row in db.execute("select name from sqlite_master")]
                for table in names:
                    db.execute(f"drop table if exists {table}")
                    db.execute("delete from %s" % table)

            def count(db, kind):
                return db.execute(f"select count(*) from items where kind = '{kind}'")

            @app.route("/t/<name>")
            def show(name):
                return str(connect().execute("select * from " + name).fetchall())
            """,
        }
    )
    # A value quoted into a WHERE stays a finding, and so does a table named by the client.
    assert sorted(_at(report, "sql-string-format")) == [("site/db.py", 21), ("site/db.py", 25)]


def test_safe_on_fields_the_view_escaped_is_not_a_finding(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "finder/web.py": """
            from html import escape
            from flask import Flask, render_template
            from finder.engines import search

            app = Flask(__name__)

            @app.route("/")
            def index():
                results, infobox = search()
                for result in results:
                    result["content"] = escape(result["content"])[:200]
                    result.title = "<b>" + escape(result.title) + "</b>"
                return render_template("index.html", results=results, infobox=infobox)
            """,
            "finder/engines.py": "def search():\n    return [], {}\n",
            "finder/templates/index.html": """
            {% for result in results %}
              <h3>{{- result.title|safe -}}</h3>
              <p>{{ result.content|safe }}</p>
              <iframe>{{- result.embedded|safe -}}</iframe>
            {% endfor %}
            <aside>{{ infobox.content | safe }}</aside>
            """,
        }
    )
    # The embed and the infobox were never escaped, even if another object's
    # "content" was.
    assert sorted(_at(report, "unsafe-markup")) == [
        ("finder/templates/index.html", 4),
        ("finder/templates/index.html", 6),
    ]


def test_a_signing_key_in_a_yaml_settings_file_the_package_reads(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "finder/__init__.py": """
            from os.path import dirname, join
            from yaml import safe_load
            with open(join(dirname(__file__), "settings.yml")) as f:
                settings = safe_load(f)
            """,
            "finder/web.py": """
            from flask import Flask
            from finder import settings
            app = Flask(__name__)
            app.secret_key = settings["server"]["secret_key"]
            """,
            "finder/settings.yml": (
                "server:\n    port: 8888\n    secret_key : 'ultrasecret' # change this!\n"
            ),
            "finder/other.yml": "server:\n    secret_key: ${FINDER_SECRET}\n",
            "deploy/compose.yml": "services:\n  web:\n    secret_key: abcdef123\n",
        }
    )
    # The compose file sits where no module reads YAML; ${...} comes from the environment.
    assert _at(report, "hardcoded-secret") == [("finder/settings.yml", 3)]


def test_an_app_built_through_a_class_alias_is_found(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "site/admin/__init__.py": "from .webui import WebAdmin\n",
            "site/admin/webui.py": """
            from flask import Flask

            class WebUI(Flask):
                def __init__(self, env):
                    Flask.__init__(self, "site.admin")
                    self.env = env

            WebAdmin = WebUI
            DEFAULT_NAME = LIMIT = 3
            """,
            "site/server.py": """
            from werkzeug.serving import run_simple
            from site.admin import WebAdmin

            def serve(env):
                app = WebAdmin(env)
                return run_simple("127.0.0.1", 5000, app, use_debugger=True)
            """,
        }
    )
    assert [(a.file, a.line) for a in report.model.apps] == [("site/server.py", 5)]
    assert _at(report, "debug-run") == [("site/server.py", 6)]


def test_the_werkzeug_debugger_served_by_hand_or_switched_on_by_default(
    reviewed: Reviewed,
) -> None:
    report = reviewed(
        {
            "tool/app.py": """
            from flask import Flask
            from werkzeug.debug import DebuggedApplication
            from werkzeug.serving import run_simple

            app = Flask(__name__)

            class Runner:
                def __init__(self, debug=False, host="localhost"):
                    app.run(debug=debug, host=host)

            def web_app(host="localhost", debug="True"):
                Runner(debug=debug, host=host)

            def quiet(host="localhost", debug=False):
                Runner(debug=debug, host=host)

            def wrapped():
                return DebuggedApplication(app, True)

            def plain():
                run_simple("localhost", 5000, app, use_debugger=False)
            """,
        }
    )
    assert sorted(_at(report, "debug-run")) == [("tool/app.py", 11), ("tool/app.py", 18)]


def test_markup_of_what_a_comprehension_yields(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "blog/blocks.py": """
            from markupsafe import Markup, escape

            class Flow:
                def __init__(self, blocks, rows):
                    self.blocks = blocks
                    self.rows = rows

                def __html__(self):
                    return Markup("\\n".join(b.__html__() for b in self.blocks))

                def names(self):
                    return Markup(", ".join(escape(r.name) for r in self.rows))

                def titles(self):
                    return Markup("".join(f"<li>{r.title}</li>" for r in self.rows))
            """,
        }
    )
    assert _at(report, "unsafe-markup") == [("blog/blocks.py", 15)]
