"""At a phone's 390 px no page the suite visits scrolls sideways (tables become lists)."""

from __future__ import annotations

from typing import Any

import pytest

from hirekit.candidates.services import applications
from hirekit.candidates.services.candidates import add_note
from hirekit.extensions import db
from hirekit.integrations import services as webhooks
from hirekit.mail.services.outbox import send_mail
from tests.conftest import PASSWORD
from tests.jobs.factories import make_application
from tests.resumes.samples import open_job

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LONG_URL = "https://hooks.example.com/incoming/hirekit/a-rather-long-path/for-the-crm-sync"


def _overflow(page: Any) -> int:
    """How many pixels the page is wider than the screen (0 when nothing scrolls sideways)."""
    return int(
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


# For the failure message: the outermost elements reaching past the screen's right edge.
CULPRITS = """() => {
  const limit = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll("*")].filter(
    (el) => el.getBoundingClientRect().right > limit + 1);
  const name = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
  return wide.filter((el) => !wide.includes(el.parentElement)).slice(0, 4).map(
    (el) => `${name(el)} ${Math.round(el.getBoundingClientRect().right)}`);
}"""


def test_no_page_scrolls_sideways_on_a_phone(page, live_server, make_user, sign_in):
    admin = make_user("admin")
    job = open_job(
        admin,
        title="Senior Flask API developer for logistics platforms",
        location="Porto, Portugal",
        description="We build a REST API with Flask.\n\n## What we expect\n- pytest\n"
        "- https://example.com/a-very-long-link-that-should-wrap-on-small-screens/and/more",
    )
    people = [
        make_application(admin, job, name, email=f"{name.split()[0].lower()}@example.com")
        for name in ("Ada Lovelace-Montgomery", "Grace Hopper", "Linus Example")
    ]
    applications.move(people[0], job.stages[1], actor=admin)
    applications.reject(people[2], "skills-mismatch", actor=admin)
    candidate = people[0].candidate
    add_note(candidate, "Strong API design; asked for a second interview.", actor=admin)
    send_mail(
        "ada@example.com",
        "Your application for Senior Flask API developer for logistics platforms",
        "Hello",
        candidate_id=candidate.id,
        actor=admin,
    )
    webhooks.create_subscription(LONG_URL, list(webhooks.EVENTS), actor=admin)
    db.session.commit()

    page.set_viewport_size(PHONE)
    sign_in(admin.email, PASSWORD)
    paths = [
        "/dashboard",
        "/jobs/",
        f"/jobs/{job.id}",
        f"/jobs/{job.id}/board",
        "/candidates/",
        f"/candidates/{candidate.id}",
        "/admin/audit",
        "/mail/outbox",
        "/admin/webhooks",
        f"/admin/webhooks/{webhooks.list_subscriptions()[0].id}",
        "/careers/",
        f"/careers/{job.id}",
    ]
    wide = {}
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        if path.endswith("/board"):
            # The bulk menu as it is used: a card picked, the action list open to choose.
            page.locator(f"#pick-{people[1].id}").check()
            page.locator("#bulk-action").focus()
        if extra := _overflow(page):
            wide[path] = (extra, page.evaluate(CULPRITS))
    assert wide == {}, f"pages wider than {PHONE['width']} px, by px: {wide}"
