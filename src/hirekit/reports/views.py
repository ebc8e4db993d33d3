"""Pages: the reports index, one page per report with its chart, table and CSV."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request

from hirekit.accounts.auth import page_user, requires
from hirekit.accounts.permissions import Permission
from hirekit.db import utcnow
from hirekit.reports.filters import filter_choices, parse_filter
from hirekit.reports.services.catalog import REPORTS, build
from hirekit.reports.services.headline import headline
from hirekit.reports.services.selfid import all_questions

bp = Blueprint("reports", __name__, url_prefix="/reports")


@bp.get("/")
@requires(Permission.REPORTS_READ)
def index() -> str:
    user = page_user()
    assert user is not None
    flt = parse_filter(request.args)
    return render_template(
        "reports/index.html",
        headline=headline(user, flt, now=utcnow()),
        reports=REPORTS.values(),
        flt=flt,
        choices=filter_choices(user),
    )


@bp.get("/<slug>")
@requires(Permission.REPORTS_READ)
def show(slug: str) -> str:
    user = page_user()
    assert user is not None
    flt = parse_filter(request.args)
    question = request.args.get("question", "")
    questions = all_questions() if slug == "fairness" else []
    if slug == "fairness" and not question and questions:
        question = questions[0].key
    no_questions = slug == "fairness" and not questions
    built = None if no_questions else build(slug, user, flt, now=utcnow(), question=question)
    return render_template(
        "reports/show.html",
        built=built,
        kind=REPORTS.get(slug),
        flt=flt,
        choices=filter_choices(user),
        question=question,
        questions=questions,
    )


@bp.get("/<slug>.csv")
@requires(Permission.REPORTS_READ)
def export_csv(slug: str) -> Response:
    user = page_user()
    assert user is not None
    flt = parse_filter(request.args)
    built = build(slug, user, flt, now=utcnow(), question=request.args.get("question", ""))
    return Response(
        built.table.csv(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{slug}.csv"'},
    )
