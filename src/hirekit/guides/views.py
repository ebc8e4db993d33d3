"""Pages: the role guide, readable, with a filterable question bank."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from hirekit.accounts.auth import requires
from hirekit.accounts.permissions import Permission
from hirekit.guides.filters import QuestionFilter
from hirekit.guides.registry import all_guides, get_guide

bp = Blueprint("guides", __name__)


@bp.get("/guide/")
@requires(Permission.GUIDE_READ)
def index() -> Response | str:
    guides = all_guides()
    if len(guides) == 1:
        return redirect(url_for("guides.show", slug=next(iter(guides))))
    return render_template("guides/index.html", guides=guides.values())


@bp.get("/guide/<slug>")
@requires(Permission.GUIDE_READ)
def show(slug: str) -> str:
    guide = get_guide(slug)
    chosen = QuestionFilter(
        use_case=request.args.get("use_case", "").strip(),
        topic=request.args.get("topic", "").strip(),
        text=request.args.get("q", "").strip()[:200],
    )
    return render_template(
        "guides/show.html", guide=guide, chosen=chosen, questions=chosen.apply(guide)
    )
