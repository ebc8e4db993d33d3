"""Facts: requirements folders, the two Bootstrap distributions, extensions started on
the app, ``@current_app.route``, and what configuration-from-environment means."""

from __future__ import annotations

from collections.abc import Callable

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def test_requirements_folder_is_read(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "requirements/base.txt": "Flask==3.0\nFlask-Mail>=0.9\n",
            "requirements/dev.txt": "-r base.txt\npytest\n",
            "requirements-prod.txt": "gunicorn\n",
            "app.py": "from flask import Flask\napp = Flask(__name__)\n",
        }
    )
    assert {"flask", "flask-mail", "pytest", "gunicorn"} <= set(report.model.dependencies)


def test_flask_bootstrap_and_bootstrap_flask_are_told_apart(reviewed: Reviewed) -> None:
    old = reviewed(
        {
            "requirements.txt": "Flask-Bootstrap==3.3.7.1\n",
            "app.py": """
            from flask import Flask
            from flask_bootstrap import Bootstrap
            app = Flask(__name__)
            Bootstrap(app)
            """,
        }
    )
    assert old.model.extensions == ["flask-bootstrap"]
    new = reviewed(
        {
            "requirements.txt": "Bootstrap-Flask\n",
            "app.py": """
            from flask import Flask
            from flask_bootstrap import Bootstrap
            app = Flask(__name__)
            Bootstrap(app)
            """,
        }
    )
    assert new.model.extensions == ["bootstrap-flask"]


def test_extensions_started_with_init_app_outside_the_table(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "requirements.txt": "flask\napifairy\nrequests\n",
            "api/__init__.py": """
            from flask import Flask
            from apifairy import APIFairy
            from requests import Session
            from api.cache import Store
            apifairy = APIFairy()
            store = Store()
            def create_app():
                app = Flask(__name__)
                apifairy.init_app(app)
                store.init_app(app)
                return app
            """,
            "api/cache.py": "class Store:\n    def init_app(self, app):\n        pass\n",
        }
    )
    assert report.model.extensions == ["apifairy"]


def test_current_app_routes(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask, current_app
            app = Flask(__name__)

            @current_app.route("/health")
            def health():
                return "ok"
            """
        }
    )
    assert [(r.rule, r.endpoint) for r in report.model.routes] == [("/health", "health")]


def test_config_from_env_only_when_key_or_database_come_from_it(reviewed: Reviewed) -> None:
    port_only = reviewed(
        {
            "app.py": """
            import os
            from flask import Flask
            app = Flask(__name__)
            app.config["SECRET_KEY"] = "k3y-literal-9911"
            app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///app.db"
            PORT = int(os.environ.get("PORT", 5000))
            """
        }
    )
    assert port_only.model.config_from_env is False
    keyed = reviewed(
        {
            "config.py": """
            import os
            class Config:
                SECRET_KEY = os.environ["SECRET_KEY"]
                SQLALCHEMY_DATABASE_URI = os.getenv("DATABASE_URL", "sqlite://")
            """,
            "app.py": "from flask import Flask\napp = Flask(__name__)\n",
        }
    )
    assert keyed.model.config_from_env is True
    prefixed = reviewed(
        {
            "app.py": """
            from flask import Flask
            app = Flask(__name__)
            app.config.from_prefixed_env()
            """
        }
    )
    assert prefixed.model.config_from_env is True


def test_flask_subclasses_from_extensions_are_apps_and_blueprints(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask_openapi3 import APIBlueprint, OpenAPI
            app = OpenAPI(__name__)
            api = APIBlueprint("book", __name__, url_prefix="/api")

            @api.get("/book")
            def books():
                return []

            app.register_api(api)
            """
        }
    )
    assert [a.kind for a in report.model.apps] == ["OpenAPI"]
    assert [b.name for b in report.model.blueprints] == ["book"]
    assert [(r.rule, r.endpoint) for r in report.model.routes] == [("/book", "book.books")]
