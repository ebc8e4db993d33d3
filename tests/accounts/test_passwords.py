"""Generated passwords: `hirekit setup` and `hirekit users create` print one the rules accept."""

from __future__ import annotations

from hirekit.accounts.passwords import generate_password, password_problem


def test_generated_passwords_always_meet_the_rules() -> None:
    # An all-letter draw came about one time in 28 and made `hirekit setup` fail.
    drawn = [generate_password() for _ in range(2000)]
    assert [p for p in drawn if password_problem(p) is not None] == []
    assert len(set(drawn)) == len(drawn)


def test_the_rules_refuse_what_they_say() -> None:
    assert password_problem("short1") == "Use at least 10 characters."
    assert password_problem("onlyletterspassword") == "Mix letters with digits or symbols."
    assert password_problem("letters-and-1") is None
