"""Flask-RESTful and flask-restx resources counted as routes."""

from __future__ import annotations

from collections.abc import Callable

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def _routes(report: Report) -> list[tuple[str, tuple[str, ...], str, str]]:
    return [(r.rule, r.methods, r.endpoint, r.file) for r in report.model.routes]


def test_flask_restful_add_resource_counts_every_url(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            from flask_restful import Api, Resource

            app = Flask(__name__)
            api = Api(app)

            class TodoList(Resource):
                def get(self):
                    return []
                def post(self):
                    return {}, 201

            class Todo(Resource):
                def get(self, todo_id):
                    return {}
                def delete(self, todo_id):
                    return "", 204

            api.add_resource(TodoList, "/todos")
            api.add_resource(Todo, "/todos/<todo_id>", "/t/<todo_id>", endpoint="one_todo")
            """
        }
    )
    assert _routes(report) == [
        ("/todos", ("GET", "POST"), "todolist", "app.py"),
        ("/todos/<todo_id>", ("GET", "DELETE"), "one_todo", "app.py"),
        ("/t/<todo_id>", ("GET", "DELETE"), "one_todo", "app.py"),
    ]
    assert report.model.is_api


def test_flask_restx_routes_on_api_and_attached_namespaces(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app/__init__.py": """
            from flask import Flask
            from flask_restx import Api
            from .todos import ns as todos_ns

            app = Flask(__name__)
            api = Api(app)
            api.add_namespace(todos_ns, path="/todos")
            cats = api.namespace("cats")

            @api.route("/hello")
            class HelloWorld(Resource):
                def get(self):
                    return {"hello": "world"}

            @cats.route("/<int:id>", endpoint="cat")
            class Cat(Resource):
                def get(self, id):
                    return {}
            """,
            "app/todos.py": """
            from flask_restx import Namespace, Resource

            ns = Namespace("todos")

            @ns.route("/", "/all")
            class TodoList(Resource):
                def get(self):
                    return []
                def post(self):
                    return {}
            """,
        }
    )
    assert sorted(_routes(report)) == [
        ("/", ("GET", "POST"), "todos_todo_list", "app/todos.py"),
        ("/<int:id>", ("GET",), "cat", "app/__init__.py"),
        ("/all", ("GET", "POST"), "todos_todo_list", "app/todos.py"),
        ("/hello", ("GET",), "hello_world", "app/__init__.py"),
    ]
    assert report.model.blueprints == []


def test_a_namespace_never_added_to_an_api_has_no_routes(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "api.py": """
            from flask import Flask
            from flask_restx import Api, Namespace, Resource

            app = Flask(__name__)
            api = Api(app)
            ns = Namespace("items")

            @ns.route("/items")
            class Items(Resource):
                def get(self):
                    return []

            @app.route("/ping")
            def ping():
                return "pong"
            """
        }
    )
    assert _routes(report) == [("/ping", ("GET",), "ping", "api.py")]


def test_resources_need_a_rest_api_object(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            from plugins import registry

            app = Flask(__name__)
            registry.add_resource(Thing, "/things")

            @app.route("/x")
            class NotAView:
                pass
            """
        }
    )
    assert _routes(report) == []


def test_restful_api_bound_to_an_app_name_keeps_flask_routes(reviewed: Reviewed) -> None:
    # The REST object table is separate: an Api never hides the app's own routes.
    report = reviewed(
        {
            "app.py": """
            from flask import Flask, Blueprint
            from flask_restful import Api, Resource

            bp = Blueprint("web", __name__)
            rest = Api(bp)

            @bp.route("/home")
            def home():
                return "hi"

            class Ping(Resource):
                def get(self):
                    return "pong"

            rest.add_resource(Ping, "/ping")
            """
        }
    )
    assert _routes(report) == [
        ("/home", ("GET",), "web.home", "app.py"),
        ("/ping", ("GET",), "ping", "app.py"),
    ]
