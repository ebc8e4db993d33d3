"""REST: public postings, the only API that needs no token.

What it shows is exactly what the careers pages show to anyone: open,
non-confidential jobs. Answers may be cached for a few minutes and carry an ETag.
"""

from __future__ import annotations

import json
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint
from werkzeug.wrappers import Response as BaseResponse

from hirekit.careers.caching import public_document
from hirekit.careers.schemas import PostingSchema, posting_view
from hirekit.careers.services import postings

blp = Blueprint(
    "careers_api",
    __name__,
    url_prefix="/api/v1/public/postings",
    description="Public job postings (no authentication)",
)


def _cached(payload: Any) -> BaseResponse:
    return public_document(json.dumps(payload, default=str), "application/json")


@blp.route("/")
class Postings(MethodView):
    @blp.doc(security=[])
    @blp.response(200, PostingSchema(many=True))
    @blp.alt_response(304, description="Not modified (If-None-Match)")
    def get(self) -> BaseResponse:
        """Open public postings, newest first"""
        items = [posting_view(p) for p in postings.open_postings()]
        return _cached(PostingSchema(many=True).dump(items))


@blp.route("/<int:job_id>")
class PostingItem(MethodView):
    @blp.doc(security=[])
    @blp.response(200, PostingSchema)
    @blp.alt_response(304, description="Not modified (If-None-Match)")
    @blp.alt_response(404, description="No open public job with this id")
    def get(self, job_id: int) -> BaseResponse:
        """One open public posting"""
        return _cached(PostingSchema().dump(posting_view(postings.get_posting(job_id))))
