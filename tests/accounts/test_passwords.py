"""Generated passwords: `hirekit setup` and `hirekit users create` print one the rules accept."""

from __future__ import annotations

from argon2 import PasswordHasher, Type, extract_parameters, profiles

from hirekit.accounts import passwords
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


def test_production_hashes_use_argon2id_defaults_and_verify_across_hashers() -> None:
    """The suite hashes with argon2's cheapest factors; production keeps the defaults
    (RFC 9106 low-memory profile), and a hash of either kind verifies."""
    stored = passwords.PRODUCTION.hash("letters-and-1")
    assert extract_parameters(stored) == profiles.RFC_9106_LOW_MEMORY
    assert extract_parameters(stored).type is Type.ID
    assert passwords.verify_password(stored, "letters-and-1")
    assert not passwords.verify_password(stored, "letters-and-2")
    cheap = passwords.hash_password("letters-and-1")
    assert extract_parameters(cheap) == profiles.CHEAPEST
    passwords.use_hasher(passwords.PRODUCTION)
    try:
        assert passwords.verify_password(cheap, "letters-and-1")
        assert extract_parameters(passwords.hash_password("x")) == profiles.RFC_9106_LOW_MEMORY
    finally:
        passwords.use_hasher(PasswordHasher.from_parameters(profiles.CHEAPEST))
    assert not passwords.verify_password(None, "letters-and-1")


def test_an_unknown_account_costs_a_verification_with_the_hasher_in_use() -> None:
    """Sign-in for an email nobody has still verifies against a hash made with the
    current work factors, so it takes as long as a wrong password for a real account."""
    passwords.use_hasher(passwords.PRODUCTION)
    try:
        assert not passwords.verify_password(None, "letters-and-1")
        kept = passwords._unknown_account_hash()
        assert extract_parameters(kept) == profiles.RFC_9106_LOW_MEMORY
    finally:
        passwords.use_hasher(PasswordHasher.from_parameters(profiles.CHEAPEST))
    assert extract_parameters(passwords._unknown_account_hash()) == profiles.CHEAPEST
