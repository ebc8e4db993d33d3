"""List endpoints: ``page``/``per_page`` in, ``X-Total-Count`` and ``Link`` out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import marshmallow as ma
from flask import current_app, request
from sqlalchemy import Select, func, select

from hirekit.extensions import db


class PageArgsSchema(ma.Schema):
    page = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1))
    per_page = ma.fields.Integer(load_default=20, validate=ma.validate.Range(min=1, max=100))


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int
    page: int
    per_page: int

    @property
    def last_page(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def headers(self) -> dict[str, str]:
        links = []
        args = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}

        def url(page: int) -> str:
            query = urlencode({**args, "page": page, "per_page": self.per_page})
            return f"{request.base_url}?{query}"

        if self.page < self.last_page:
            links.append(f'<{url(self.page + 1)}>; rel="next"')
        if self.page > 1:
            links.append(f'<{url(self.page - 1)}>; rel="prev"')
        links.append(f'<{url(1)}>; rel="first"')
        links.append(f'<{url(self.last_page)}>; rel="last"')
        return {"X-Total-Count": str(self.total), "Link": ", ".join(links)}


def paginate(query: Select[Any], page: int, per_page: int) -> Page:
    """The ``page``-th ``per_page`` objects ``query`` selects, with the total."""
    return paginate_rows(query, page, per_page, lambda window: list(db.session.scalars(window)))


def paginate_rows(
    query: Select[Any], page: int, per_page: int, read: Callable[[Select[Any]], list[Any]]
) -> Page:
    """As :func:`paginate`, the items being what ``read`` makes of the page's query
    (plain rows, say, where objects would cost more than the list needs)."""
    per_page = min(per_page, int(current_app.config["API_MAX_PER_PAGE"]))
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    items = read(query.limit(per_page).offset((page - 1) * per_page))
    return Page(items, total or 0, page, per_page)
