"""First look at the demo: each demo user signs in and finds their work on the dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from hirekit.demo.load import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def test_demo_interviewer_finds_an_interview_coming_and_a_scorecard_due(
    demo_copy: None, page: Any, sign_in: Any, live_server: Any
) -> None:
    sign_in("ivy.interviewer@example.com", DEMO_PASSWORD)
    upcoming = page.locator("#tile-upcoming")
    expect(upcoming.locator("h2")).to_have_text("Your upcoming interviews (2)")
    expect(upcoming.locator("li[data-interview]")).to_have_count(2)
    due = page.locator("#tile-scorecards-due")
    expect(due.locator("h2")).to_have_text("Scorecards to write (1)")
    due.locator("li[data-scorecard] a").click()
    # The scorecard opens with the kit's questions to rate.
    expect(page.locator("fieldset.iv-question").first).to_be_visible()


def test_demo_hiring_manager_finds_a_debrief_waiting(
    demo_copy: None, page: Any, sign_in: Any, live_server: Any
) -> None:
    sign_in("hank.manager@example.com", DEMO_PASSWORD)
    tile = page.locator("#tile-debriefs")
    expect(tile.locator("h2")).to_have_text("Debriefs waiting (1)")
    expect(tile.locator("li")).to_contain_text("all 3 scorecards in")
    awaiting = page.locator("#tile-awaiting-decision")
    expect(awaiting.locator("li")).to_have_count(2)
    expect(awaiting).to_contain_text("1 of 2 scorecards")
    tile.locator("li a").click()
    expect(page.locator("h1")).to_contain_text("Debrief")
    # The three submitted scorecards, side by side; the cancelled interview's seat is not there.
    row = page.locator("tr", has_text="Recommendation")
    expect(row.locator("td")).to_have_count(5)
    expect(row).to_contain_text("strong yes")
    expect(page.locator(".iv-level")).not_to_be_empty()


def test_demo_recruiter_finds_a_take_home_review(
    demo_copy: None, page: Any, sign_in: Any, live_server: Any
) -> None:
    sign_in("rita.recruiter@example.com", DEMO_PASSWORD)
    tile = page.locator("#tile-takehomes")
    expect(tile.locator("h3")).to_have_text("Reviewed, last 7 days (1)")
    expect(tile.locator("li[data-submission]")).to_contain_text("parcel-tracker.zip")
    tile.locator("li[data-submission] a").click()
    expect(page.locator("h2", has_text="Score")).to_contain_text("/100")
    expect(page.locator(".finding").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("parcels.py")
