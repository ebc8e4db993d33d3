"""API shapes for users."""

from __future__ import annotations

import marshmallow as ma

from hirekit.accounts.models import User
from hirekit.accounts.permissions import PERMISSIONS, Role


class UserSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    email = ma.fields.Email()
    name = ma.fields.String()
    role = ma.fields.String(metadata={"enum": [r.value for r in Role]})
    active = ma.fields.Boolean()
    created_at = ma.fields.DateTime(dump_only=True)
    last_login_at = ma.fields.DateTime(dump_only=True, allow_none=True)


class MeSchema(UserSchema):
    permissions = ma.fields.Method(
        "_permissions", dump_only=True, metadata={"type": "array", "items": {"type": "string"}}
    )

    def _permissions(self, user: User) -> list[str]:
        return sorted(p.value for p in PERMISSIONS[Role(user.role)])


class UserCreateSchema(ma.Schema):
    email = ma.fields.Email(required=True)
    name = ma.fields.String(load_default="", validate=ma.validate.Length(max=120))
    role = ma.fields.String(required=True, validate=ma.validate.OneOf([r.value for r in Role]))
    password = ma.fields.String(
        required=True, load_only=True, validate=ma.validate.Length(min=10, max=256)
    )


class UserUpdateSchema(ma.Schema):
    role = ma.fields.String(validate=ma.validate.OneOf([r.value for r in Role]))
    active = ma.fields.Boolean()
