from __future__ import annotations

from datetime import date

from hirekit.engines.screening.periods import find_periods, total_years
from hirekit.engines.screening.profile import read_profile
from hirekit.engines.screening.sentences import split_sentences

RESUME = """Jane Q. Doe
jane.doe@example.com | +1 (555) 123-4567 | github.com/janedoe
https://www.linkedin.com/in/janedoe | https://janedoe.dev
Summary
Backend developer.
Experience
Backend Engineer, Acme, Jan 2019 - Present
Developer, Initech, 03/2016 - 12/2018
Projects
Side project 2012 - 2013
Skills
Python
Education
BSc Computer Science, 2012 - 2016
"""


def test_contact_details() -> None:
    profile = read_profile(RESUME, today=date(2024, 1, 1))
    assert profile.name == "Jane Q. Doe"
    assert profile.email == "jane.doe@example.com"
    assert profile.phone == "+1 555-123-4567"  # as the library writes it
    assert profile.links == (
        "github.com/janedoe",
        "https://www.linkedin.com/in/janedoe",
        "https://janedoe.dev",
    )


def test_sections_and_years_skip_education_and_projects() -> None:
    profile = read_profile(RESUME, today=date(2024, 1, 1), written=date(2024, 1, 1))
    assert [s.name for s in profile.sections] == [
        "summary", "experience", "projects", "skills", "education",
    ]  # fmt: skip
    # Mar 2016 - Dec 2018 (34 months) + Jan 2019 - Jan 2024 (61 months)
    assert profile.years_experience == round(95 / 12, 1)
    # Without the document's date, "Present" ends at the latest date the text gives.
    undated = read_profile(RESUME, today=date(2024, 1, 1))
    assert undated.years_experience == round((34 + 1) / 12, 1)  # Jan 2019 is the latest


def test_overlapping_periods_count_once() -> None:
    periods = find_periods("2015 - 2018\nJun 2017 \u2013 May 2019", today=date(2024, 1, 1))
    assert total_years(periods) == round(53 / 12, 1)


def test_no_dates_means_unknown_years() -> None:
    assert read_profile("Jane Doe\nPython").years_experience is None


def test_sentences_keep_offsets() -> None:
    text = "Intro line\n\u2022 Built APIs, e.g. billing. Served 2M users.\n - Wrote tests."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Intro line", "Built APIs, e.g. billing.", "Served 2M users.", "Wrote tests.",
    ]  # fmt: skip
    assert all(text[s.start : s.end] == s.text for s in sentences)
