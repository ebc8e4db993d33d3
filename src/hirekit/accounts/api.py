"""REST: the caller (``/me``) and, for admins, users."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from hirekit.accounts import services
from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.accounts.schemas import MeSchema, UserCreateSchema, UserSchema, UserUpdateSchema
from hirekit.pagination import PageArgsSchema, paginate

blp = Blueprint("accounts_api", __name__, url_prefix="/api/v1", description="The caller and users")


@blp.route("/me")
class Me(MethodView):
    @blp.response(200, MeSchema)
    def get(self) -> User:
        """The user behind the API token, with the permissions of their role"""
        return api_user()


@blp.route("/users")
class Users(MethodView):
    @api_requires(Permission.USERS_MANAGE)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, UserSchema(many=True))
    def get(self, args: dict[str, int]) -> tuple[list[User], int, dict[str, str]]:
        """List users (admins)"""
        page = paginate(select(User).order_by(User.email), args["page"], args["per_page"])
        return page.items, 200, page.headers()

    @api_requires(Permission.USERS_MANAGE)
    @blp.arguments(UserCreateSchema)
    @blp.response(201, UserSchema)
    def post(self, data: dict[str, Any]) -> User:
        """Create a user (admins)"""
        return services.create_user(
            data["email"], data["role"], data["password"], name=data["name"], actor=api_user()
        )


@blp.route("/users/<int:user_id>")
class UserItem(MethodView):
    @api_requires(Permission.USERS_MANAGE)
    @blp.response(200, UserSchema)
    def get(self, user_id: int) -> User:
        """One user (admins)"""
        return services.get_user(user_id)

    @api_requires(Permission.USERS_MANAGE)
    @blp.arguments(UserUpdateSchema)
    @blp.response(200, UserSchema)
    def patch(self, data: dict[str, Any], user_id: int) -> User:
        """Change a user's role or deactivate them (admins)"""
        user = services.get_user(user_id)
        if "role" in data:
            services.change_role(user, data["role"], actor=api_user())
        if "active" in data:
            services.set_active(user, data["active"], actor=api_user())
        return user
