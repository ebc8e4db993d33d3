"""A person in a real browser: sign in, read and filter the guide, make a token, sign out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_sign_in_filter_guide_create_token_sign_out(page, live_server, make_user, sign_in):
    user = make_user("recruiter", name="Rita Browser")
    sign_in(user.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome, Rita Browser")

    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Guide", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"/guide/flask$"))
    expect(page.locator("#market")).to_contain_text("145k")
    expect(page.locator("#market")).to_contain_text("4–5 weeks")

    total = page.locator(".questions .question").count()
    page.get_by_label("Use case").select_option("full-stack")
    visible = page.locator(".questions .question:visible")
    narrowed = visible.count()
    assert 0 < narrowed < total
    for item in visible.all():
        expect(item).to_contain_text("full-stack")
    page.get_by_label("Search").fill("blueprint")
    expect(page.locator("[data-question-count]")).not_to_have_text(str(narrowed))
    for item in page.locator(".questions .question:visible").all():
        expect(item).to_contain_text(re.compile("blueprint", re.I))

    page.get_by_role("link", name="Rita Browser").click()
    page.get_by_label("Token name").fill("laptop script")
    page.get_by_role("button", name="Create token").click()
    secret = page.locator("#new-token").inner_text()
    assert secret.startswith("hk_")
    response = page.request.get(
        f"{live_server.url}/api/v1/me", headers={"Authorization": f"Bearer {secret}"}
    )
    assert response.status == 200 and response.json()["email"] == user.email

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to hirekit")).to_be_visible()
    page.goto(f"{live_server.url}/dashboard")
    expect(page).to_have_url(re.compile(r"/login"))


def test_wrong_password_shows_an_error_and_leaves_no_session(page, live_server, make_user):
    user = make_user("recruiter")
    page.goto(f"{live_server.url}/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("not-the-password-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".flash-error")).to_contain_text("do not match an active account")
    page.goto(f"{live_server.url}/dashboard")
    expect(page).to_have_url(re.compile(r"/login"))
    assert not [c for c in page.context.cookies() if c["name"] == "remember_token"]


def test_admin_tools_sit_in_one_menu(page, live_server, make_user, sign_in):
    admin = make_user("admin")
    sign_in(admin.email, PASSWORD)
    nav = page.get_by_role("navigation", name="Main")
    users_link = nav.get_by_role("link", name="Users")
    expect(users_link).to_be_hidden()
    nav.get_by_text("Admin", exact=True).click()
    users_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Users")


def test_the_admin_menu_holds_only_what_the_role_may_use(page, live_server, make_user, sign_in):
    interviewer = make_user("interviewer")
    sign_in(interviewer.email, PASSWORD)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_text("Admin", exact=True)).to_have_count(0)
    expect(nav.get_by_role("link", name="Jobs")).to_have_count(0)
    expect(nav.get_by_role("link", name="Interviews")).to_be_visible()
