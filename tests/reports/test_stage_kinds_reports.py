"""A pipeline written in Portuguese: its stages' kinds, not their names, drive the
offers and hires reports, time to hire, the funnel, the debrief's offer decision and
the hired webhook."""

from __future__ import annotations

import json

import pytest

from hirekit.candidates.services import applications as pipeline
from hirekit.extensions import db
from hirekit.integrations import services as hooks
from hirekit.jobs.services.stages import StageSpec, edit_stages
from hirekit.queue.runner import drain
from hirekit.reports.filters import ReportFilter
from hirekit.reports.funnel import funnel
from hirekit.reports.offers import offers
from hirekit.reports.sources import sources
from hirekit.reports.time_to_hire import time_to_hire
from tests.integrations.receiver import receiver
from tests.reports.factories import History

PORTUGUESE = [
    ("Triagem", "active"),
    ("Entrevista", "interview"),
    ("Proposta", "offer"),
    ("Contratado", "hired"),
    ("Recusado", "rejected"),
]


def portuguese(history: History) -> History:
    job = history.job
    kept = job.stages[: len(PORTUGUESE)]
    wanted = [
        StageSpec(name, kind, stage.id)
        for (name, kind), stage in zip(PORTUGUESE, kept, strict=True)
    ]
    edit_stages(job, wanted, actor=history.actor)
    db.session.flush()
    return history


@pytest.fixture
def history(db, make_user):
    return portuguese(History.open_job(make_user("admin"), title="Desenvolvedor Flask"))


def test_kinds_drive_offers_hires_and_time_to_hire(history):
    hired, declined, pending, turned_down = (history.apply(0) for _ in range(4))
    history.walk(hired, ("Entrevista", 3), ("Proposta", 10), ("Contratado", 20))
    history.walk(declined, ("Entrevista", 4), ("Proposta", 12))
    history.withdraw(declined, 14)
    history.walk(pending, ("Entrevista", 5), ("Proposta", 15))
    history.walk(turned_down, ("Recusado", 2))
    db.session.flush()
    assert (hired.status, turned_down.status) == ("hired", "rejected")

    report = offers(history.actor, ReportFilter())
    assert (report.offered, report.accepted, report.declined, report.pending) == (3, 1, 1, 1)
    timing = time_to_hire(history.actor, ReportFilter())
    assert timing.hires == 1
    assert timing.to_hire.median == pytest.approx(20)
    rows = {s.stage: s for s in funnel(history.actor, ReportFilter()).stages}
    assert rows["Contratado"].ending and rows["Recusado"].ending
    assert not rows["Proposta"].ending
    table = {r[0]: r for r in funnel(history.actor, ReportFilter()).table().rows}
    assert table["Contratado"][3:] == [None, None]
    (source,) = sources(history.actor, ReportFilter()).rows
    assert (source.interviewed, source.hired) == (3, 1)


def test_a_name_does_not_make_a_stage_an_offer(history):
    """ "Job offer" as an active stage is no offer; "Proposta" as an offer stage is one."""
    job = history.job
    wanted = [StageSpec(s.name, s.kind, s.id) for s in job.stages]
    wanted.insert(1, StageSpec("Job offer", "active"))
    edit_stages(job, wanted, actor=history.actor)
    application = history.apply(0)
    history.move(application, "Job offer", 1)
    assert offers(history.actor, ReportFilter()).pending == 0
    history.move(application, "Proposta", 2)
    assert offers(history.actor, ReportFilter()).pending == 1


def test_the_hired_webhook_follows_the_hired_kind(app, make_user, monkeypatch):
    app.config.update(WEBHOOK_ALLOW_LOOPBACK_HTTP=True)
    for name in ("http_proxy", "https_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    history = portuguese(History.open_job(make_user("admin"), title="Desenvolvedor Flask"))
    with receiver() as endpoint:
        hooks.create_subscription(endpoint.url, ["application.hired"], actor=history.actor)
        application = history.apply(0)
        history.walk(application, ("Entrevista", 1), ("Proposta", 2))
        db.session.commit()
        assert drain() == 0  # no hire yet, whatever the stages are called
        history.move(application, "Contratado", 3)
        db.session.commit()
        assert drain() == 1
    (request,) = endpoint.requests
    data = json.loads(request.body)["data"]
    assert data["status"] == "hired"
    assert data["stage"]["name"] == "Contratado" and data["stage"]["kind"] == "hired"


def test_a_move_into_an_offer_stage_records_the_salary_whatever_its_name(history):
    application = history.apply(0)
    pipeline.move(application, history.stage("Proposta"), actor=history.actor, salary=60_000)
    assert [s.salary for s in offers(history.actor, ReportFilter()).salaries] == [60_000]
