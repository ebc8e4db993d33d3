"""Blinding holds on real resumes and on the address and handle formats people write.

Real CVs are named by file only; what they say is never printed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.blind_leaks import leaks
from tests.resume_corpus import SAMPLE, resume_files

from hirekit.engines.screening import blind_text, screen
from hirekit.engines.screening.addresses import address_spans
from hirekit.engines.screening.names import name_parts


@pytest.mark.parametrize("path", resume_files(SAMPLE), ids=lambda p: p.name)
def test_blinded_sample_resume_shows_no_name_email_or_phone(path: Path) -> None:
    result = screen(path)
    assert leaks(result) == []


def test_name_goes_in_every_form() -> None:
    text = (
        "JANE DOE\nCurriculum Vitae\nSkype ID: jane.doe88 | doe_jane@example.org\n"
        "Dr.JANE wrote code. Ms Doe led. J A N E shipped. jane1990 on forums.\n"
    )
    out = blind_text(text, name="Jane Doe")
    assert not re.search(r"jane|doe|j a n e", out, re.IGNORECASE), out
    assert "Curriculum Vitae" in out


def test_opening_name_goes_when_no_name_was_found() -> None:
    out = blind_text("[Priya Raman] | [Curriculum-Vitae]\nSkills\nPython\nPriya built APIs.\n")
    assert "Priya" not in out and "Raman" not in out
    assert "Python" in out


def test_honorifics_and_initials_are_not_name_parts() -> None:
    assert name_parts("Dr. C. Jane de Vries Jr.") == ("jane", "vries")


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("4 Arlington Street, #12A", "Arlington"),
        ("Cambridge, MA 02139", "02139"),
        ("221B Baker St., London NW1 6XE", "Baker"),
        ("London NW1 6XE", "NW1 6XE"),
        ("Ottawa ON K1A 0B1", "K1A 0B1"),
        ("Hauptstraße 5, 10115 Berlin", "Hauptstraße"),
        ("10115 Berlin", "Berlin"),
        ("Rua Augusta 12, 1100-053 Lisboa", "Augusta"),
        ("1012 AB Amsterdam", "Amsterdam"),
        ("12 rue de Rivoli, 75001 Paris", "Rivoli"),
        ("H.No 12-3-45, Gandhi Nagar", "Gandhi"),
        ("Vill. Rampur, Dist. Patna", "Rampur"),
        ("Delhi-110018", "110018"),
        ("Pin Code: 560 001", "560 001"),
        ("P.O. Box 4411, Muscat", "4411"),
        ("Permanent Address: Flat 3, Lake View Apartments", "Lake View"),
    ],
)
def test_address_formats_are_hidden(line: str, secret: str) -> None:
    out = blind_text(f"Jane Doe\n{line}\nSkills\nFlask\n", name="Jane Doe")
    assert secret not in out, out
    assert "Flask" in out


def test_address_continues_under_its_label() -> None:
    text = "Address:\n4 Lake Road,\nSpringfield 62704\n\nExperience\nBuilt 10000 Customers portal\n"
    out = blind_text(text)
    assert "Lake" not in out and "Springfield" not in out
    assert "Experience" in out


def test_figures_and_years_are_not_addresses() -> None:
    text = (
        "Built and shipped services.\n" * 60
        + "2019 Google: led 2 main modules; served 10000 Customers.\n"
    )
    assert address_spans(text) == []


def test_links_handles_and_sites_are_hidden() -> None:
    text = (
        "linkedin.com/in/janedoe github: jdoe-dev @jdoe_codes janedoe.dev/blog "
        "https://jd.example.net\nUses socket.io and ASP.NET\n"
    )
    out = blind_text(text)
    for secret in ("janedoe", "jdoe-dev", "jdoe_codes", "jd.example"):
        assert secret not in out, secret
    assert "socket.io" in out and "ASP.NET" in out


def test_every_phone_is_hidden_even_joined_by_a_slash() -> None:
    out = blind_text("Mobile: +91-9953154467/+91-8287328770, office 020 7946 0958\n")
    assert not re.search(r"\d{4}", out), out
