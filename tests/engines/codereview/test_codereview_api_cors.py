"""csrf-disabled inside token-authenticated APIs; CORS set through config or a factory."""

from __future__ import annotations

from collections.abc import Callable

from tests.engines.codereview.codereview_helpers import findings

from hirekit.engines.codereview import Report

Reviewed = Callable[[dict[str, str]], Report]


def test_csrf_off_in_token_authenticated_api_resources_is_fine(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "shop/api/orders.py": """
            from flask_restful import Resource
            from shop.auth import token_required
            from shop.forms import OrderForm

            class Orders(Resource):
                method_decorators = [token_required]
                def post(self):
                    form = OrderForm(meta={"csrf": False})
                    return {"ok": form.validate()}
            """,
            "shop/views.py": """
            from flask import Blueprint
            from flask.views import MethodView
            from flask_httpauth import HTTPTokenAuth
            from shop.forms import OrderForm
            auth = HTTPTokenAuth()
            api_bp = Blueprint("api", __name__)

            class OrderApi(MethodView):
                decorators = [auth.login_required]
                def post(self):
                    return OrderForm(meta={"csrf": False}).validate()

            @api_bp.route("/orders", methods=["PUT"])
            @auth.login_required
            def put_order():
                return OrderForm(meta={"csrf": False}).validate()
            """,
        }
    )
    assert findings(report, "csrf-disabled") == []


def test_csrf_off_in_a_browser_view_still_counts(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "shop/views.py": """
            from flask import Blueprint
            from flask.views import MethodView
            from shop.forms import OrderForm
            bp = Blueprint("shop", __name__)

            class OrderPage(MethodView):
                def post(self):
                    return OrderForm(meta={"csrf": False}).validate()
            """
        }
    )
    assert [f.line for f in findings(report, "csrf-disabled")] == [8]


def test_cors_credentials_for_any_origin_from_config_keys(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "a/config.py": 'CORS_SUPPORTS_CREDENTIALS = True\nCORS_ORIGINS = "*"\n',
            "b/app.py": """
            from flask import Flask
            from flask_cors import CORS
            app = Flask(__name__)
            app.config["CORS_SUPPORTS_CREDENTIALS"] = True
            CORS(app)
            """,
            "c/config.py": (
                "CORS_SUPPORTS_CREDENTIALS = True\nCORS_ORIGINS = ['https://shop.example']\n"
            ),
        }
    )
    got = [(f.file, f.line) for f in findings(report, "cors-wildcard-credentials")]
    assert got == [("a/config.py", 1), ("b/app.py", 4)]


def test_cors_credentials_in_an_app_factory(reviewed: Reviewed) -> None:
    report = reviewed(
        {
            "shop/__init__.py": """
            from flask import Flask
            from flask_cors import CORS
            cors = CORS()
            def create_app():
                app = Flask(__name__)
                cors.init_app(app, supports_credentials=True)
                return app
            """,
            "other/__init__.py": """
            from flask import Flask
            from flask_cors import CORS
            cors = CORS()
            def create_app():
                app = Flask(__name__)
                cors.init_app(app, origins=["https://a.example"], supports_credentials=True)
                return app
            """,
        }
    )
    got = [(f.file, f.line) for f in findings(report, "cors-wildcard-credentials")]
    assert got == [("shop/__init__.py", 6)]
