"""Routes registered through the project's own helper functions."""

from __future__ import annotations

from collections.abc import Callable

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def test_the_flask_docs_register_api_helper(reviewed: Reviewed) -> None:
    # The pattern of Flask's own MethodView documentation.
    report = reviewed(
        {
            "app.py": """
            from flask import Flask
            from flask.views import MethodView

            class ItemAPI(MethodView):
                def get(self, id):
                    return {}

            def register_api(app, model, name):
                app.add_url_rule(f"/{name}/<int:id>", view_func=ItemAPI.as_view(f"{name}-item"))
                app.add_url_rule(f"/{name}/", endpoint=f"{name}-group", methods=["GET", "POST"])

            app = Flask(__name__)
            register_api(app, object, "users")
            register_api(app, object, name="stories")
            """
        }
    )
    got = [(r.rule, r.methods, r.endpoint, r.line) for r in report.model.routes]
    assert got == [
        ("/users/<int:id>", ("GET",), "users-item", 13),
        ("/users/", ("GET", "POST"), "users-group", 13),
        ("/stories/<int:id>", ("GET",), "stories-item", 14),
        ("/stories/", ("GET", "POST"), "stories-group", 14),
    ]


def test_a_helper_looping_over_its_routes_on_a_blueprint(reviewed: Reviewed) -> None:
    # Larger projects (FlaskBB) wrap add_url_rule to give one view several URLs.
    report = reviewed(
        {
            "app/__init__.py": "",
            "app/utils.py": """
            def register_view(bp_or_app, routes, view_func, *args, **kwargs):
                for route in routes:
                    bp_or_app.add_url_rule(route, view_func=view_func, *args, **kwargs)
            """,
            "app/forum.py": """
            from flask import Blueprint
            from flask.views import MethodView
            from app.utils import register_view

            forum = Blueprint("forum", __name__)

            class ViewTopic(MethodView):
                def get(self, topic_id):
                    return ""

                def post(self, topic_id):
                    return ""

            register_view(
                forum,
                routes=["/topic/<int:topic_id>", "/topic/<int:topic_id>-<slug>"],
                view_func=ViewTopic.as_view("view_topic"),
            )
            not_a_route = sorted(["/b", "/a"], key=len)
            """,
        }
    )
    got = [(r.rule, r.methods, r.endpoint, r.file) for r in report.model.routes]
    assert got == [
        ("/topic/<int:topic_id>", ("GET", "POST"), "forum.view_topic", "app/forum.py"),
        ("/topic/<int:topic_id>-<slug>", ("GET", "POST"), "forum.view_topic", "app/forum.py"),
    ]


def test_helpers_with_unknown_arguments_or_objects_add_nothing(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "app.py": """
            from flask import Flask

            def register(target, rule):
                target.add_url_rule(rule, view_func=lambda: "")

            def other(things, rule):
                things.add_url_rule(rule)

            app = Flask(__name__)
            register(app, RULE_FROM_ELSEWHERE)
            registry = {}
            other(registry, "/not-flask")
            """
        }
    )
    assert report.model.routes == []
