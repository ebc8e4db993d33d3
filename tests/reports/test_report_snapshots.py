"""Stored report figures: used for their scope while fresh, with their date on the page; never
shown to someone who sees other jobs; filtered views and stale figures are computed live."""

from __future__ import annotations

from datetime import timedelta

from hirekit.db import utcnow
from hirekit.reports.filters import ReportFilter
from hirekit.reports.models import ReportSnapshot
from hirekit.reports.services.catalog import build
from hirekit.reports.services.snapshots import SNAPSHOTTED, refresh
from tests.conftest import login
from tests.reports.factories import History

ALL = ReportFilter()


def _applied(slug: str, user, flt: ReportFilter = ALL) -> int:
    built = build(slug, user, flt, now=utcnow())
    rows = {row[0]: row for row in built.table.rows}
    return int(rows["Applied"][1]) if slug == "funnel" else sum(int(r[1]) for r in rows.values())


def test_refresh_stores_figures_that_pages_read_until_the_next_refresh(app, db, make_user, client):
    admin = make_user("admin")
    history = History.open_job(admin)
    for _ in range(3):
        history.apply(0, source="referral")
    db.session.commit()
    assert refresh(now=utcnow()) == len(SNAPSHOTTED)
    db.session.commit()
    history.apply(1, source="referral")
    db.session.commit()

    # Stored figures: the fourth application is not in them yet, and the page says when.
    assert _applied("funnel", admin) == 3
    assert _applied("sources", admin) == 3
    assert build("funnel", admin, ALL, now=utcnow()).as_of is not None
    login(client, admin.email)
    page = client.get("/reports/funnel").get_data(as_text=True)
    assert "Figures as of" in page
    api = build("time-in-stage", admin, ALL, now=utcnow())
    assert api.as_of is not None and api.table.rows

    # A filter is computed live, and so is everything after the next refresh.
    assert _applied("funnel", admin, ReportFilter(job_id=history.job.id)) == 4
    assert build("funnel", admin, ReportFilter(job_id=history.job.id), now=utcnow()).as_of is None
    refresh(now=utcnow())
    db.session.commit()
    assert _applied("funnel", admin) == 4


def test_stale_figures_are_not_shown(app, db, make_user):
    admin = make_user("admin")
    history = History.open_job(admin)
    history.apply(0)
    db.session.commit()
    refresh(now=utcnow() - timedelta(hours=26))
    db.session.commit()
    assert db.session.query(ReportSnapshot).count() == len(SNAPSHOTTED)
    history.apply(1)
    db.session.commit()
    built = build("funnel", admin, ALL, now=utcnow())
    assert built.as_of is None
    assert _applied("funnel", admin) == 2


def test_someone_who_sees_fewer_jobs_never_reads_figures_that_include_the_others(
    app, db, make_user
):
    admin = make_user("admin")
    recruiter = make_user("recruiter")
    secret = History.open_job(admin, title="Confidential role", confidential=True)
    public = History.open_job(admin, title="Flask developer")
    for _ in range(5):
        secret.apply(0)
    public.apply(0)
    db.session.commit()
    refresh(now=utcnow())
    db.session.commit()
    assert _applied("funnel", admin) == 6
    assert _applied("funnel", recruiter) == 1
    assert build("funnel", recruiter, ALL, now=utcnow()).as_of is not None


def test_refresh_command_reports_what_it_stored(app, runner, make_user):
    make_user("admin")
    result = runner.invoke(args=["reports", "refresh"])
    assert result.exit_code == 0, result.output
    assert f"stored {len(SNAPSHOTTED)} report snapshots" in result.output


def test_stored_figures_are_the_live_figures_of_their_time(app, db, make_user):
    from dataclasses import asdict

    from hirekit.jobs.choices import DEFAULT_STAGES

    names = [name for name, _ in DEFAULT_STAGES]
    admin = make_user("admin")
    history = History.open_job(admin)
    for n in range(4):
        application = history.apply(n, source=("referral", "linkedin")[n % 2])
        history.walk(application, *((stage, n + 2 * i) for i, stage in enumerate(names[1:], 1)))
    history.reject(history.apply(1), 3)
    history.move(history.apply(2), names[1], 4)
    db.session.commit()
    now = utcnow()
    refresh(now=now)
    db.session.commit()
    for slug, kind in SNAPSHOTTED.items():
        built = build(slug, admin, ALL, now=now)
        assert built.as_of == now, slug
        assert asdict(built.result) == asdict(kind.compute(admin, ALL, now)), slug


def test_reading_a_report_asks_the_worker_once_for_fresh_figures(app, db, make_user, client):
    from sqlalchemy import select

    from hirekit.queue import BackgroundJob
    from hirekit.queue.runner import drain
    from hirekit.reports.tasks import LABEL, REFRESH_AFTER

    admin = make_user("admin")
    history = History.open_job(admin)
    history.apply(0, source="referral")
    db.session.commit()
    login(client, admin.email)

    def queued() -> list[BackgroundJob]:
        return list(db.session.scalars(select(BackgroundJob).filter_by(label=LABEL)))

    # Nothing stored: computed now, and one refresh is queued however many pages ask.
    first = client.get("/reports/funnel").get_data(as_text=True)
    assert "Figures as of" not in first
    client.get("/reports/sources")
    assert len(queued()) == 1
    # A filtered view never asks: the worker stores unfiltered figures only.
    client.get(f"/reports/funnel?job={history.job.id}")
    assert len(queued()) == 1
    assert drain() == 1
    db.session.expire_all()
    assert [j.status for j in queued()] == ["done"]
    assert "Figures as of" in client.get("/reports/funnel").get_data(as_text=True)
    assert len(queued()) == 1  # fresh figures: nothing more to do
    # Once they are older than REFRESH_AFTER, the next visit asks again.
    db.session.execute(
        db.update(ReportSnapshot).values(
            computed_at=utcnow() - REFRESH_AFTER - timedelta(minutes=1)
        )
    )
    db.session.commit()
    assert "Figures as of" in client.get("/reports/funnel").get_data(as_text=True)
    assert len(queued()) == 2
