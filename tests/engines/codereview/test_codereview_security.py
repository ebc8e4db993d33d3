"""Security rules, with the traps that must not fire."""

from __future__ import annotations

from collections.abc import Callable

from tests.engines.codereview.codereview_helpers import findings, rules_of

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]
FLASK = "from flask import Flask, request, render_template_string\napp = Flask(__name__)\n"


def test_hardcoded_secret_key_is_high(reviewed: Reviewed) -> None:
    report = reviewed({"app.py": FLASK + "app.config['SECRET_KEY'] = 'k8#2jd9!s0'\n"})
    [f] = findings(report, "hardcoded-secret")
    assert (f.severity, f.file, f.line) == ("high", "app.py", 3)


def test_secret_forms_assignment_attribute_mapping_and_dict(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": FLASK
            + "app.secret_key = 'abc123xyz'\n"
            + "app.config.from_mapping(API_KEY='sk_live_1234')\n"
            + "SETTINGS = {'DB_PASSWORD': 'hunter2'}\n"
        }
    )
    assert [(f.line, f.severity) for f in findings(report, "hardcoded-secret")] == [
        (3, "high"),
        (4, "high"),
        (5, "high"),
    ]


def test_env_fallback_is_low(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "config.py": """
            import os
            SECRET_KEY = os.getenv("SECRET_KEY", "dev")
            TOKEN = os.environ.get("API_TOKEN") or "fallback-token"
            DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///x.db")
            """
        }
    )
    assert [(f.line, f.severity) for f in findings(report, "hardcoded-secret")] == [
        (2, "low"),
        (3, "low"),
    ]


def test_secret_read_from_env_only_is_fine(reviewed: Reviewed) -> None:
    report = reviewed(
        {"config.py": "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nPASSWORD = ''\n"}
    )
    assert findings(report, "hardcoded-secret") == []


def test_dev_placeholder_is_medium(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            def create_app():
                app = Flask(__name__)
                app.config.from_mapping(SECRET_KEY="dev")
                return app
            class DevelopmentConfig:
                SECRET_KEY = "s3cr3t-value-for-dev"
            """
        }
    )
    assert [(f.line, f.severity) for f in findings(report, "hardcoded-secret")] == [
        (4, "medium"),
        (7, "medium"),
    ]


def test_secrets_in_tests_are_ignored(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "tests/conftest.py": "SECRET_KEY = 'real-looking-secret-123'\n",
            "test_app.py": "PASSWORD = 'hunter2'\n",
            "app_test.py": "API_KEY = 'abc'\n",
        }
    )
    assert findings(report, "hardcoded-secret") == []


def test_debug_run_and_commented_out_debug(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": FLASK + "# app.run(debug=True)\nif __name__ == '__main__':\n"
            "    app.run(debug=True)\n",
            "wsgi.py": "from app import app\napp.run(host='0.0.0.0', debug=True)\n",
            "safe.py": "import os\nfrom app import app\napp.run(debug=os.getenv('D') == '1')\n",
            "notes.py": '"""Never call app.run(debug=True) in production."""\n',
        }
    )
    got = [(f.file, f.line, f.severity) for f in findings(report, "debug-run")]
    assert sorted(got) == [("app.py", 5, "medium"), ("wsgi.py", 2, "high")]


def test_sql_formatted_vs_parametrised(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "db.py": """
            import sqlite3
            from flask import request
            from sqlalchemy import text

            def bad(conn, name):
                conn.execute(f"SELECT * FROM users WHERE name = '{name}'")
                conn.execute("SELECT * FROM t WHERE id = %s" % name)
                conn.execute("DELETE FROM t WHERE id = {}".format(name))
                conn.execute("SELECT * FROM t WHERE n = '" + name + "'")
                q = f"UPDATE t SET a = {name}"
                conn.execute(q)
                return conn.execute(text(f"SELECT {name} FROM t"))

            def from_request(conn):
                conn.execute(f"SELECT * FROM t WHERE n = '{request.args['n']}'")

            def good(conn, name, ids):
                conn.execute("SELECT * FROM users WHERE name = ?", (name,))
                conn.execute("SELECT * FROM t WHERE id = %s", (name,))
                conn.execute(text("SELECT * FROM t WHERE id = :id"), {"id": name})
                marks = ",".join("?" * len(ids))
                conn.execute(f"SELECT * FROM t WHERE id IN ({','.join('?' * len(ids))})", ids)
                TABLE = "users"
                conn.execute(f"SELECT * FROM {TABLE}")
                print(f"select {name}")
            """
        }
    )
    got = sorted((f.line, f.severity) for f in findings(report, "sql-string-format"))
    assert got == [
        (6, "medium"),
        (7, "medium"),
        (8, "medium"),
        (9, "medium"),
        (11, "medium"),
        (12, "medium"),
        (15, "high"),
    ]


def test_template_injection_only_with_request_data(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": FLASK
            + """
@app.route("/a")
def a():
    name = request.args.get("name", "")
    return render_template_string("<h1>Hi " + name + "</h1>")

@app.route("/b")
def b():
    name = request.args.get("name", "")
    return render_template_string("<h1>Hi {{ name }}</h1>", name=name)

@app.route("/c/<user>")
def c(user):
    return render_template_string(f"Hello {user}")
"""
        }
    )
    assert [f.line for f in findings(report, "template-injection")] == [7, 16]
    assert all(f.severity == "high" for f in findings(report, "template-injection"))


def test_unsafe_markup_code_and_templates(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import request
            from markupsafe import Markup, escape

            def view():
                bio = request.form["bio"]
                a = Markup(bio)
                b = Markup("<b>%s</b>") % bio
                c = Markup(escape(bio))
                return a, b, c
            """,
            "templates/page.html": """
            {# {{ request.args.q|safe }} #}
            <p>{{ request.args.get('q') | safe }}</p>
            <p>{{ body|safe }}</p>
            <p>{{ request.args.q }}</p>
            """,
        }
    )
    got = [(f.file, f.line) for f in findings(report, "unsafe-markup")]
    assert sorted(got) == [("app.py", 6), ("templates/page.html", 2)]


def test_unsafe_deserialize(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            import pickle
            import yaml
            from flask import request

            def load():
                obj = pickle.loads(request.data)
                cfg = yaml.load(request.get_data())
                ok = yaml.load(request.get_data(), Loader=yaml.SafeLoader)
                local = pickle.loads(open("cache.bin", "rb").read())
                return obj, cfg, ok, local
            """
        }
    )
    assert [f.line for f in findings(report, "unsafe-deserialize")] == [6, 7]


def test_csrf_disabled_except_in_test_config(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "config.py": """
            class Config:
                WTF_CSRF_ENABLED = False
            class TestingConfig(Config):
                WTF_CSRF_ENABLED = False
            """,
            "forms.py": """
            from flask_wtf import FlaskForm
            class F(FlaskForm):
                class Meta:
                    csrf = False
            """,
        }
    )
    got = sorted((f.file, f.line) for f in findings(report, "csrf-disabled"))
    assert got == [("config.py", 2), ("forms.py", 4)]


def test_cors_wildcard_with_credentials(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": FLASK
            + """from flask_cors import CORS
CORS(app, supports_credentials=True)
CORS(app, origins="*", supports_credentials=True)
CORS(app, origins=["https://example.com"], supports_credentials=True)
CORS(app, resources={r"/api/*": {"origins": "https://a.example"}}, supports_credentials=True)
CORS(app)
"""
        }
    )
    assert [f.line for f in findings(report, "cors-wildcard-credentials")] == [4, 5]


def test_global_db_connection(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "db.py": """
            import sqlite3
            from sqlalchemy import create_engine
            conn = sqlite3.connect("app.db", check_same_thread=False)
            engine = create_engine("sqlite://")

            def get_db():
                return sqlite3.connect("app.db")

            if __name__ == "__main__":
                c = sqlite3.connect("x.db")
            """
        }
    )
    assert [f.line for f in findings(report, "global-db-connection")] == [3]


def test_security_rules_skip_test_files(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "tests/test_x.py": "import pickle\nfrom flask import request\n"
            "def test_x():\n    pickle.loads(request.data)\n",
            "tests/helpers.py": "import sqlite3\nconn = sqlite3.connect(':memory:')\n",
        }
    )
    assert rules_of(report) & {"unsafe-deserialize", "global-db-connection"} == set()
