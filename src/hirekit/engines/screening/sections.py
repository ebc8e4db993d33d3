"""Resume sections (summary, experience, projects, skills, education) by heading."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

SECTION_NAMES = ("summary", "experience", "projects", "skills", "education", "other")

_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "professional summary",
        "personal statement",
        "overview",
        "о себе",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "professional background",
        "internships",
        "internship",
        "company details",
        "experience summary",
        "experience details",
        "work profile",
        "job history",
        "professional history",
        "organisational experience",
        "organizational experience",
        "industry experience",
        "freelance",
        "freelance projects",
        "freelance work",
        "client projects",
        "where i've worked",
        "опыт работы",
        "опыт",
        "профессиональный опыт",
    ),
    "projects": (
        "projects",
        "personal projects",
        "side projects",
        "open source",
        "selected projects",
        "academic projects",
        "programming projects",
        "software projects",
        "technical projects",
        "key projects",
        "projects undertaken",
        "project details",
        "portfolio",
        "проекты",
    ),
    "skills": (
        "skills",
        "technical skills",
        "technologies",
        "technologies used",
        "technology stack",
        "tools and technologies",
        "built with",
        "tech stack",
        "core competencies",
        "competencies",
        "tools",
        "key skills",
        "skills and tools",
        "technical expertise",
        "expertise",
        "computer skills",
        "skill details",
        "technical proficiencies",
        "навыки",
        "ключевые навыки",
    ),
    "education": (
        "education",
        "academic background",
        "qualifications",
        "academic qualifications",
        "education and training",
        "certifications",
        "courses",
        "training",
        "образование",
    ),
    "other": (
        "languages",
        "interests",
        "hobbies",
        "references",
        "awards",
        "publications",
        "volunteering",
        "personal details",
        "personal information",
        "achievements",
    ),
}
_LOOKUP = {title: name for name, titles in _HEADINGS.items() for title in titles}
# Possessive: the title takes its whole run at once (spaces it takes are stripped
# below), so the many lines that are not headings fail without backtracking.
# A line is matched from the line break before it (the text gets one in front):
# a literal first character lets the engine skip to line breaks, where "^" in
# multi-line mode is tried at every character.
# Markdown emphasis may close a heading ("# **Experience**"), and "/ experience" or
# "Where I've worked" open one. Letters of any script: a Russian CV has "Опыт работы".
_HEADING_LINE = re.compile(
    r"\n[ \t#*•/\-]*+([^\W\d_](?:[^\W\d_]|[ &/']){2,40}+)[ \t]*[*_]*[ \t]*:?[ \t]*(?=\n|\Z)"
)

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Section:
    name: str  # one of SECTION_NAMES
    start: int
    end: int


def find_sections(text: str) -> list[Section]:
    """Sections in order; each runs from its heading to the next heading."""
    marks: list[tuple[str, int]] = []
    # In "\n" + text, a match starting at i is a line starting at i in text.
    for match in _HEADING_LINE.finditer("\n" + text):
        title = match.group(1).replace("&", "and")
        if "  " in title:  # the title holds no other kind of space
            title = _SPACES.sub(" ", title)
        title = title.strip().lower()
        name = _LOOKUP.get(title)
        if name:
            marks.append((name, match.start()))
    sections = []
    for index, (name, start) in enumerate(marks):
        end = marks[index + 1][1] if index + 1 < len(marks) else len(text)
        sections.append(Section(name, start, end))
    return sections


class SectionIndex:
    """Which section an offset falls in (``None`` before the first heading)."""

    def __init__(self, sections: list[Section]) -> None:
        self._sections = sections
        self._starts = [s.start for s in sections]

    def at(self, offset: int) -> str | None:
        position = bisect_right(self._starts, offset) - 1
        return self._sections[position].name if position >= 0 else None


# Exported CVs list jobs as "company - X" / "description - ..." rows, often after a
# "Company Details" heading glued to the line before it ("...monthsCompany Details").
_COMPANY_ROW = re.compile(r"^company\s*-", re.IGNORECASE | re.MULTILINE)


def with_company_rows(text: str, sections: list[Section]) -> list[Section]:
    """``sections`` with an experience section from the first "company - X" row on,
    when that row is not already in one."""
    row = _COMPANY_ROW.search(text)
    if row is None:
        return sections
    at = row.start()
    before = [s for s in sections if s.start <= at]
    if before and before[-1].name == "experience":
        return sections
    after = [s for s in sections if s.start > at]
    end = after[0].start if after else len(text)
    cut = [Section(s.name, s.start, min(s.end, at)) for s in before]
    return [*cut, Section("experience", at, end), *after]
