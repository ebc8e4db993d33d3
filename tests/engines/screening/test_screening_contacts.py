"""Contact details and experience years on fictional traps and on labelled real CVs."""

from __future__ import annotations

import os
import tomllib
from datetime import date
from pathlib import Path

import pytest
from tests.engines.screening.contact_cases import CASES, TODAY, Case
from tests.engines.screening.name_key import name_key

from hirekit.engines.screening import screen
from hirekit.engines.screening.names import find_name
from hirekit.engines.screening.periods import latest_date
from hirekit.engines.screening.phones import find_phone
from hirekit.engines.screening.profile import find_email, read_profile

HERE = Path(__file__).parent / "real_labelled"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fictional_trap(case: Case) -> None:
    profile = read_profile(case.text, today=TODAY, written=case.written)
    assert profile.name == case.name
    assert profile.name_status == ("found" if case.name else "not-found")
    assert profile.email == case.email
    if case.phone is not None:
        assert profile.phone == case.phone
    assert profile.years_experience == case.years


@pytest.mark.parametrize(
    "line",
    ["Curriculum Vitae", "CAREER OBJECTIVE", "Academic Details", "1122", "RESUME",
     "Delhi Public School", "Senior Software Engineer", "Personal Information",
     "Silicone Heights, Near Park", "B. E. Mechanical Engineer", "Dear Sir",
     "Marital Status", "Areas Of Expertise", "Visa Status Visit"],
)  # fmt: skip
def test_never_a_name(line: str) -> None:
    assert find_name(line + "\nPython, SQL\n") is None


def test_phone_never_takes_the_postal_code() -> None:
    assert find_phone("Dhaka-1207, Bangladesh\nMobile: 01712-345678") == "+880 1712-345678"
    assert find_phone("Chennai - 600 041. Phone 044 2345 6789") == "+91 44 2345 6789"


def test_a_number_the_library_cannot_confirm_is_read_from_its_plus() -> None:
    # 555-01xx numbers are not valid anywhere: only the "+" reading finds them,
    # also with a bracket and spaces between the "+" and the digits.
    assert find_phone("C++ developer, tel. + (1) 555 555 0100") == "+1 555-555-0100"
    assert find_phone("Mobile: +1 555 555 0100") == "+1 555-555-0100"
    assert find_phone("C++, C#, 10 years of Python since 2014") is None


def test_date_ranges_are_not_phones() -> None:
    assert find_phone("Acme 2015 - 2019\nInitech 03/2019 - 12/2020") is None


def test_email_labels_and_ambiguous_spaces() -> None:
    assert find_email("E-mail:-ana@example.org") == "ana@example.org"
    assert find_email("Email:ana@example.org") == "ana@example.org"
    # Two different spaced addresses: neither is guessed.
    assert find_email("ana @example.org and bo @example.net") is None


def test_latest_date_in_text_is_capped_at_today() -> None:
    assert str(latest_date("Jan 2019 - Present; 2031 plans", TODAY)) == "2019-01-01"
    assert latest_date("no dates", TODAY) is None


def test_docx_core_date_ends_present(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from datetime import datetime

    document = docx.Document()
    for line in ("Samuel Okoye", "Experience", "Developer, Globex, Jan 2010 - Present"):
        document.add_paragraph(line)
    document.core_properties.modified = datetime(2011, 12, 15)
    path = tmp_path / "cv.docx"
    document.save(str(path))
    result = screen(path, today=TODAY)
    assert result.years_experience == 2.0
    assert result.to_dict()["candidate"]["name_status"] == "found"


def test_unnamed_result_says_so() -> None:
    result = screen(b"Career Objective\nTo grow.\nSkills\nPython\n", today=TODAY)
    assert result.to_dict()["candidate"] == {
        "name": None, "name_status": "not-found", "email": None, "phone": None, "links": [],
    }  # fmt: skip


CORPUS_NAMES = tomllib.loads((HERE / "corpus_names.toml").read_text())
# Measured 0.97 (one CV spells its name with spaces inside the words, one writes
# the surname in lower case); the target for names is 0.95.
NAME_FLOOR = 0.95


@pytest.mark.corpus("resumes")
@pytest.mark.skipif(
    not os.environ.get("HIREKIT_CORPUS_DIR"), reason="needs HIREKIT_CORPUS_DIR (the resume corpus)"
)
def test_names_on_labelled_corpus() -> None:
    root = os.environ["HIREKIT_CORPUS_DIR"]
    corpus = Path(root) / "resumes" if (Path(root) / "resumes").is_dir() else Path(root)
    right = sum(
        name_key(screen(corpus / file).candidate.name) == label["name"]
        for file, label in CORPUS_NAMES.items()
    )
    assert right / len(CORPUS_NAMES) >= NAME_FLOOR


CORPUS_YEARS = tomllib.loads((HERE / "corpus_years.toml").read_text())


@pytest.mark.corpus("resumes")
@pytest.mark.skipif(
    not os.environ.get("HIREKIT_CORPUS_DIR"), reason="needs HIREKIT_CORPUS_DIR (the resume corpus)"
)
def test_experience_years_on_hand_worked_corpus_files() -> None:
    root = Path(os.environ["HIREKIT_CORPUS_DIR"])
    corpus = root / "resumes" if (root / "resumes").is_dir() else root
    close = sum(
        abs((screen(corpus / file).years_experience or 0.0) - float(label["years"])) <= 0.2
        for file, label in CORPUS_YEARS.items()
    )
    # Measured 7 of 9: two two-column PDFs whose dates are read apart from
    # their entries are off.
    assert close >= 7


@pytest.mark.parametrize(
    ("text", "years"),
    [("Period: 01-12-2004 – 31-12-2009", 5.1), ("Period: Jan-1994 to 1998.", 5.0),
     ("Period: Jan – 1999 to Jan -2000", 1.1), ("November 2013 onwards with Acme", 1.3),
     ("Period of Work – February -2015 to till now .", 0.1),
     ("B.E in Applied Electronics\nENGINEERING (2006-2010)\nEngineer, Acme, 2011 - 2012", 2.0)],
)  # fmt: skip
def test_date_notations_and_a_degree_named_on_the_line_above(text: str, years: float) -> None:
    profile = read_profile("Experience\n" + text + "\n", today=TODAY, written=date(2015, 2, 1))
    assert profile.years_experience == years
