"""Fictional resumes, one per contact/experience trap, with what a careful reader finds.

Shared by the tests and ``bench/contacts_accuracy.py``. Every person, number and
address here is made up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    name: str | None
    email: str | None = None
    phone: str | None = None
    years: float | None = None
    written: date | None = None


TODAY = date(2026, 12, 1)

CASES: tuple[Case, ...] = (
    Case(
        "heading-then-caps-name",
        "CURRICULUM VITAE\nPRIYA RAMAN\nEmail:-priya.raman@example.in\nMobile: +91 98450 12345\n",
        "Priya Raman",
        "priya.raman@example.in",
        "+91 98450 12345",
    ),
    Case(
        "career-objective-first",
        "Career Objective\nTo work in a growing company.\nACADEMIC DETAILS\nB.Tech 2012 - 2016\n",
        None,
    ),
    Case("resume-only", "Resume\nPython, SQL\n", None),
    Case(
        "name-with-title",
        "Tomas Berg Python Developer\nE-mail : tomas.berg@example.org\n",
        "Tomas Berg",
        "tomas.berg@example.org",
    ),
    Case(
        "name-pipe-title",
        "LENA FISCHER | Senior Backend Engineer\nBerlin, Germany · 030 12345678\n",
        "Lena Fischer",
        phone="+49 30 12345678",
    ),
    Case(
        "school-first-line",
        "State University of Technology\nJordan Ellis\njordan.ellis@example.com\n",
        "Jordan Ellis",
        "jordan.ellis@example.com",
    ),
    Case(
        "name-label-initials",
        "Resume\nName : K.ARUN KUMAR\nDOB : 01-02-1995\n",
        "K. Arun Kumar",
    ),
    Case(
        "spaced-email",
        "Maria Costa\nmaria.costa @example.com.br\nSão Paulo, Brasil — Tel: (11) 98765-4321\n",
        "Maria Costa",
        "maria.costa@example.com.br",
        "+55 11 98765-4321",
    ),
    Case(
        "postal-code-before-phone",
        "Arjun Mehta\nFlat 4, MG Road, Pune 411001 9876543210\n",
        "Arjun Mehta",
        phone="+91 98765 43210",
    ),
    Case(
        "us-phone",
        "Dana Whitfield\n(201) 555-0123 | dana@example.com\n",
        "Dana Whitfield",
        "dana@example.com",
        "+1 201-555-0123",
    ),
    Case(
        "school-ranges-not-work",
        "Omar Haddad\nEducation Details\nJanuary 2012 to January 2016 Bachelor of Engineering"
        "  College A\n2010 - 2012 Higher Secondary School B\nWork Experience\n"
        "Software Engineer, Acme Ltd, June 2016 - May 2019\n",
        "Omar Haddad",
        years=3.0,
    ),
    Case(
        "degree-line-without-section",
        "Nina Petrova\nB.Sc Computer Science, Moscow State University, 2009 - 2013\n"
        "Backend developer at Initech, 2014 - 2016\n",
        "Nina Petrova",
        years=3.0,
    ),
    Case(
        "present-at-document-date",
        "Samuel Okoye\nExperience\nDeveloper, Globex, Jan 2010 - Present\n",
        "Samuel Okoye",
        years=2.0,
        written=date(2011, 12, 15),
    ),
    Case(
        "present-at-latest-date-in-text",
        "Ravi Shankar\nExperience\nEngineer, Umbrella, 2005 - Till Date\n"
        "Trainee, Vandelay, 2003 - 2004\nDeclaration\nPlace: Chennai  Date: 14/03/2008\n",
        "Ravi Shankar",
        years=5.2,
    ),
    Case(
        "overlap-once",
        "Eva Lind\nExperience\nConsultant, Soylent, 2015 - 2018\n"
        "Lead, Hooli, Jun 2017 – May 2019\n",
        "Eva Lind",
        years=4.4,
    ),
)
