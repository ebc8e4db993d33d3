"""The Flask model: apps, factory, blueprints, extensions, routes, config, tests."""

from __future__ import annotations

from collections.abc import Callable

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def test_aliased_flask_imports_are_apps(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "a.py": "from flask import Flask as F\napp = F(__name__)\n",
            "b.py": "import flask as fl\napp = fl.Flask(__name__)\n",
            "c.py": "import flask\napp = flask.Flask(__name__)\n",
            "d.py": "from apiflask import APIFlask\napp = APIFlask(__name__)\n",
            "e.py": "class Flask:\n    pass\napp = Flask()\n",
        }
    )
    assert [(a.file, a.kind) for a in report.model.apps] == [
        ("a.py", "Flask"),
        ("b.py", "Flask"),
        ("c.py", "Flask"),
        ("d.py", "APIFlask"),
    ]


def test_project_subclass_of_flask_is_an_app_across_modules(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "pkg/__init__.py": "",
            "pkg/base.py": "from flask import Flask\nclass MyApp(Flask):\n    pass\n",
            "pkg/app.py": "from .base import MyApp\n\ndef create_app():\n"
            "    app = MyApp(__name__)\n    return app\n",
        }
    )
    assert [(a.file, a.line, a.kind) for a in report.model.apps] == [("pkg/app.py", 4, "MyApp")]
    assert report.model.factory is not None
    assert report.model.factory.function == "create_app"
    assert report.model.factory.file == "pkg/app.py"


def test_create_app_that_returns_the_global_app_is_not_a_factory(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            app = Flask(__name__)

            def create_app(config=None):
                app.config.from_mapping(config or {})
                return app
            """
        }
    )
    assert len(report.model.apps) == 1
    assert report.model.factory is None
    assert report.to_dict()["app_factory"] is None


def test_factory_returning_the_constructor_directly(reviewed: Reviewed) -> None:
    report = reviewed({"f.py": "from flask import Flask\ndef make_app():\n    return Flask('x')\n"})
    assert report.to_dict()["app_factory"] == {"file": "f.py", "line": 2, "function": "make_app"}


def test_blueprints_defined_registered_and_namespace_is_not_one(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app/__init__.py": """
            from flask import Flask

            def create_app():
                app = Flask(__name__)
                from .auth import bp as auth_bp
                from .api import api_bp
                app.register_blueprint(auth_bp)
                app.register_blueprint(api_bp, url_prefix="/api")
                return app
            """,
            "app/auth.py": """
            import flask
            bp = flask.Blueprint("auth", __name__)

            @bp.route("/login", methods=["GET", "post"])
            def login():
                return "x"
            """,
            "app/api.py": """
            from flask import Blueprint as B
            from flask_restx import Api, Namespace, Resource
            api_bp = B("api", __name__)
            api = Api(api_bp)
            ns = Namespace("items")

            @ns.route("/items")
            class Items(Resource):
                def get(self):
                    return []
            """,
        }
    )
    model = report.model
    assert sorted((b.name, b.file) for b in model.blueprints) == [
        ("api", "app/api.py"),
        ("auth", "app/auth.py"),
    ]
    assert [(s.file, s.line) for s in model.registered] == [
        ("app/__init__.py", 7),
        ("app/__init__.py", 8),
    ]
    assert [(r.rule, r.methods, r.endpoint) for r in model.routes] == [
        ("/login", ("GET", "POST"), "auth.login")
    ]
    assert model.extensions == ["flask-restx"]


def test_extension_only_in_requirements_is_not_used(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "requirements.txt": "flask\nflask-sqlalchemy==3.1\nFlask-Login\n",
            "app.py": """
            from flask import Flask
            from flask_login import LoginManager
            from flask_bootstrap import Bootstrap5
            app = Flask(__name__)
            login = LoginManager(app)
            Bootstrap5(app)
            # from flask_sqlalchemy import SQLAlchemy
            """,
        }
    )
    assert report.model.extensions == ["bootstrap-flask", "flask-login"]
    assert "flask-sqlalchemy" in report.model.dependencies


def test_imported_but_unused_extension_is_not_listed(reviewed: Reviewed) -> None:
    report = reviewed({"app.py": "from flask_cors import CORS\nimport flask_mail\n"})
    assert report.model.extensions == []


def test_routes_methods_endpoints_and_class_views(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            from flask.views import MethodView
            app = Flask(__name__)

            @app.get("/items")
            def list_items():
                return []

            @app.post("/items")
            def add_item():
                return {}, 201

            @app.route("/x", endpoint="ex")
            def x():
                return ""

            class ItemAPI(MethodView):
                def get(self, item_id):
                    return {}

                def delete(self, item_id):
                    return "", 204

            app.add_url_rule("/items/<int:item_id>", view_func=ItemAPI.as_view("item"))

            def register(app):
                @app.route("/late")
                def late():
                    return ""
            """
        }
    )
    got = [(r.rule, r.methods, r.endpoint, r.line) for r in report.model.routes]
    assert got == [
        ("/items", ("GET",), "list_items", 5),
        ("/items", ("POST",), "add_item", 9),
        ("/x", ("GET",), "ex", 13),
        ("/items/<int:item_id>", ("GET", "DELETE"), "item", 24),
        ("/late", ("GET",), "late", 27),
    ]


def test_routes_on_unrelated_objects_are_not_routes(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            import requests
            app = Flask(__name__)
            session = requests.Session()
            def fetch():
                return session.get("/remote")
            """
        }
    )
    assert report.model.routes == []


def test_error_handlers_cli_and_config_from_env(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            import os
            import click
            from flask import Flask
            app = Flask(__name__)
            app.config.from_prefixed_env()
            app.config["DB"] = os.environ.get("DB_URL", "sqlite://")

            @app.errorhandler(404)
            def missing(e):
                return "no", 404

            @app.cli.command("seed")
            def seed():
                click.echo("ok")
            """
        }
    )
    assert [h.line for h in report.model.error_handlers] == [8]
    assert [c.line for c in report.model.cli_commands] == [12]
    assert report.model.config_from_env is True
    assert "from_prefixed_env" in report.model.config_sources


def test_config_only_from_code_is_not_from_env(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": "from flask import Flask\napp = Flask(__name__)\n"
            "app.config.from_object('cfg')\n"
        }
    )
    assert report.model.config_from_env is False


def test_tests_summary_framework_client_and_factory(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app/__init__.py": "from flask import Flask\ndef create_app():\n"
            "    app = Flask(__name__)\n    return app\n",
            "tests/conftest.py": """
            import pytest
            from app import create_app

            @pytest.fixture
            def client():
                return create_app().test_client()
            """,
            "tests/test_home.py": "def test_home(client):\n"
            "    assert client.get('/').status_code\n",
            "tests/test_empty.py": "",
        }
    )
    t = report.model.tests
    assert (t.present, t.framework, t.files, t.uses_client, t.uses_factory) == (
        True,
        "pytest",
        1,
        True,
        True,
    )


def test_unittest_and_flask_testing_frameworks(reviewed: Reviewed) -> None:
    unit = reviewed(
        {
            "tests.py": "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n"
            "        self.assertTrue(1)\n"
        }
    )
    assert unit.to_dict()["tests"] == {"present": True, "framework": "unittest", "files": 1}


def test_flask_testing_framework(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "test_app.py": "from flask_testing import TestCase\nclass T(TestCase):\n"
            "    def test_a(self):\n        pass\n"
        }
    )
    assert report.model.tests.framework == "flask-testing"
    assert report.model.extensions == []


def test_skipped_folders_are_not_read(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": "from flask import Flask\napp = Flask(__name__)\n",
            "venv/lib/x.py": "from flask import Flask\napp = Flask(__name__)\n",
            "myenv/pyvenv.cfg": "home = /usr\n",
            "myenv/lib/y.py": "from flask import Flask\napp = Flask(__name__)\n",
            "node_modules/z.py": "from flask import Flask\napp = Flask(__name__)\n",
        }
    )
    assert [a.file for a in report.model.apps] == ["app.py"]
    assert report.stats.python_files == 1
