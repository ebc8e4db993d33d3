"""REST: role guides."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires
from hirekit.accounts.permissions import Permission
from hirekit.guides.registry import all_guides, get_guide
from hirekit.guides.schemas import GuideSchema, GuideSummarySchema, guide_to_dict

blp = Blueprint("guides_api", __name__, url_prefix="/api/v1", description="Role guides")


@blp.route("/guides")
class Guides(MethodView):
    @api_requires(Permission.GUIDE_READ)
    @blp.response(200, GuideSummarySchema(many=True))
    def get(self) -> list[Any]:
        """List the role guides"""
        return list(all_guides().values())


@blp.route("/guides/<slug>")
class GuideItem(MethodView):
    @api_requires(Permission.GUIDE_READ)
    @blp.response(200, GuideSchema)
    def get(self, slug: str) -> dict[str, Any]:
        """One role guide, whole: market, flags, use cases, question bank"""
        return guide_to_dict(get_guide(slug))  # type: ignore[no-any-return]
