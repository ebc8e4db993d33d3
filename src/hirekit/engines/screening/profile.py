"""Contact details, sections and experience years read from resume text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from hirekit.engines.screening.names import find_name
from hirekit.engines.screening.periods import Period, find_periods, latest_date, total_years
from hirekit.engines.screening.phones import find_phone
from hirekit.engines.screening.sections import (
    SECTION_NAMES,
    Section,
    SectionIndex,
    find_sections,
)
from hirekit.engines.screening.text_scan import matches_at, occurrences

# What blinding hides as a phone; reading the phone itself is :mod:`.phones`'s job.
# A slash may join two numbers ("+91 98.../98..."), so it does not stop a match.
PHONE = re.compile(r"(?<!\w)\+?\(?\d[\d ().\-]{7,18}\d(?!\w)")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()\"',;|]+"
    r"|(?<![\w@./])(?:github\.com|gitlab\.com|linkedin\.com|bitbucket\.org)/[^\s<>()\"',;|]+",
    re.IGNORECASE,
)
# Every URL match holds one of these, lower-cased...
_URL_HINTS = ("http", "www.", "github.com", "gitlab.com", "linkedin.com", "bitbucket.org")
# ...unless the text has letters that match ASCII ones only when ignoring case
# ("\u212a" is K), or "\u0130", whose lower() is two characters.
_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")
# "name @domain.com", "name@ domain.com": a space crept in around the "@".
_SPACED_EMAIL = re.compile(
    r"(?<![\w.+-])([A-Za-z0-9][\w.+-]*) ?@ ?([\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})(?![\w.-])"
)
_EMAIL_LABELS = frozenset({"email", "e-mail", "mail", "id", "mailid", "emailid", "gmail"})
# Lines that start an education block in resumes whose headings the section
# finder does not know ("Education Details", "ACADEMIC QUALIFICATION").
_EDUCATION_HEADING = re.compile(
    r"^[\W\d]*(?:education|educational|academic|academics|qualifications?|schooling)\b"
    r"[\w &/]{0,30}:?\s*$",
    re.IGNORECASE,
)
_OTHER_HEADING = re.compile(
    r"^[\W\d]*(?:work|professional|employment|career|experience|projects?|skills|"
    r"technical|internships?|job)\b[\w &/]{0,30}:?\s*$",
    re.IGNORECASE,
)
# Words of a degree or a school on a period's line; job words win over them
# ("Software Engineer, State University, 2019 - 2021" is work).
_SCHOOL_LINE = re.compile(
    r"\b(?:bachelor|bachelors|master|masters|b\.?\s?sc|m\.?\s?sc|b\.?\s?tech|m\.?\s?tech|"
    r"b\.e|m\.e|b\.?com|m\.?com|bca|mca|mba|bba|ph\.?d|degree|diploma|university|"
    r"college|school|institute|polytechnic|academy|ssc|hsc|cbse|icse|gpa|cgpa|graduat\w*|"
    r"secondary|matriculation|intermediate|class\s+(?:x|xii|10|12)|coursework|studies|"
    r"student)\b",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_JOB_LINE = re.compile(
    r"\b(?:engineer|developer|analyst|consultant|manager|intern|internship|lead|architect|"
    r"administrator|programmer|tester|designer|officer|specialist|assistant|lecturer|"
    r"teacher|professor|researcher|scientist|associate|executive|freelance\w*|employ\w*|"
    r"worked|working|company|ltd|limited|inc|pvt|llc|corporation|technologies|solutions)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Profile:
    name: str | None
    email: str | None
    phone: str | None
    links: tuple[str, ...]
    sections: tuple[Section, ...]
    periods: tuple[Period, ...] = field(default=())
    years_experience: float | None = None

    @property
    def name_status(self) -> str:
        """``"found"``, or ``"not-found"`` when the resume needs a person to name it."""
        return "found" if self.name else "not-found"


def read_profile(
    text: str,
    today: date | None = None,
    lowered: str | None = None,
    written: date | None = None,
) -> Profile:
    """Everything but skills and flags; fields that cannot be found are ``None``/empty.

    ``lowered`` is ``text.lower()`` when the caller already has it. ``written`` is
    the document's own date (from its metadata): "Present" ends there; without it,
    at the latest date the text mentions.
    """
    sections = find_sections(text)
    periods = work_periods(text, sections, today, written or latest_date(text, today))
    return Profile(
        name=find_name(text),
        email=find_email(text),
        phone=find_phone(text),
        links=find_links(text, lowered),
        sections=tuple(sections),
        periods=tuple(periods),
        years_experience=total_years(periods),
    )


def find_email(text: str) -> str | None:
    """The first e-mail address; a label glued to it ("Email:-jane@x.org") is left
    out, and "jane @x.org" is read when it is the text's only such address."""
    found = first_email(text)
    if found is not None:
        address = found.group().lstrip(".+-_")
        return address if "@" in address and not address.startswith("@") else None
    spaced = [m for m in _SPACED_EMAIL.finditer(text) if m[1].lower() not in _EMAIL_LABELS]
    if len({(m[1].lower(), m[2].lower()) for m in spaced}) == 1:
        return f"{spaced[0][1].lstrip('.+-_')}@{spaced[0][2]}"
    return None


def first_email(text: str) -> re.Match[str] | None:
    """``EMAIL.search(text)``, tried only at the start of the word before each "@"."""
    for at in occurrences(text, "@"):
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.+-"):
            start -= 1
        match = EMAIL.match(text, start) if start < at else None
        if match is not None:
            return match
    return None


def find_links(text: str, lowered: str | None = None) -> tuple[str, ...]:
    """Profile and portfolio URLs in order of appearance, without duplicates."""
    lowered = lowered if lowered is not None else text.lower()
    if not any(hint in lowered for hint in _URL_HINTS) and not any(c in text for c in _LOOKALIKES):
        return ()  # most resumes have no link; the pattern is slow to rule out
    links: dict[str, None] = {}
    if any(c in text for c in _LOOKALIKES):
        matches = list(URL.finditer(text))
    else:
        matches = _url_matches(text, lowered)
    for match in matches:
        links[match.group().rstrip(".:")] = None
    return tuple(links)


def _url_matches(text: str, lowered: str) -> list[re.Match[str]]:
    """``URL.finditer(text)``, tried only where a match can begin: every match starts
    with one of the hints, so the pattern runs at a handful of places, not at each
    character."""
    starts = {at for hint in _URL_HINTS for at in occurrences(lowered, hint)}
    return matches_at(URL, text, sorted(starts))


def work_periods(
    text: str, sections: list[Section], today: date | None, as_of: date | None = None
) -> list[Period]:
    """Periods of work: outside education (a known section, a block under an
    education-like heading, or a line naming a degree or school and no job);
    inside experience when the resume has that section."""
    index = SectionIndex(sections)
    has_experience = any(s.name == "experience" for s in sections)
    regions = _period_regions(text, sections, has_experience)
    found = find_periods(text, today, regions, as_of)
    if not found:
        return []
    blocks = education_blocks(text)
    wanted = []
    for period in found:
        where = index.at(period.start)
        if where == "education" or (has_experience and where not in ("experience", None)):
            continue
        if any(lo <= period.start < hi for lo, hi in blocks) or on_school_line(text, period):
            continue
        wanted.append(period)
    return wanted


def education_blocks(text: str) -> list[tuple[int, int]]:
    """Spans from an education-like heading line to the next other heading line."""
    blocks: list[tuple[int, int]] = []
    start: int | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        bare = line.strip()
        if len(bare) <= 45:
            if _EDUCATION_HEADING.match(bare):
                start = offset if start is None else start
            elif start is not None and _OTHER_HEADING.match(bare):
                blocks.append((start, offset))
                start = None
        offset += len(line)
    if start is not None:
        blocks.append((start, offset))
    return blocks


def on_school_line(text: str, period: Period) -> bool:
    line_start = text.rfind("\n", 0, period.start) + 1
    line_end = text.find("\n", period.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(line) > 300:  # a flattened page: judge the words around the dates only
        line = text[max(line_start, period.start - 120) : period.end + 120]
    if _JOB_LINE.search(line):
        return False
    if _SCHOOL_LINE.search(line):
        return True
    # A short line holding little but the dates ("2011 – 2015:", "ENGINEERING
    # (2006-2010)") belongs to the entry written under it, else to the one above.
    rest = line[: period.start - line_start] + line[period.end - line_start :]
    if len(rest.strip()) > 40:
        return False
    below_start = line_end + 1 if line_end >= 0 else len(text)
    below_end = text.find("\n", below_start)
    below = text[below_start : below_end if below_end >= 0 else len(text)][:300]
    if not _ANY_YEAR.search(below):  # (a dated line below is an entry of its own)
        if _JOB_LINE.search(below):
            return False
        if _SCHOOL_LINE.search(below):
            return True
    if line_start == 0:
        return False
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1][:300]
    return bool(_SCHOOL_LINE.search(above)) and not _JOB_LINE.search(above)


def _period_regions(
    text: str, sections: list[Section], has_experience: bool
) -> list[tuple[int, int]]:
    """The stretches whose periods count, merged where they touch.

    Reading them alone finds the same ranges as reading the whole text: no date
    range can run across a heading line, since no heading title begins with a
    digit, a month or a word such as "present", and "to" in "tools" is not
    followed by a date.
    """
    kept = (
        ("experience",) if has_experience else tuple(n for n in SECTION_NAMES if n != "education")
    )
    spans = [(0, sections[0].start if sections else len(text))]
    spans += [(s.start, s.end) for s in sections if s.name in kept]
    regions: list[tuple[int, int]] = []
    for start, end in spans:
        if regions and regions[-1][1] == start:
            regions[-1] = (regions[-1][0], end)
        elif end > start:
            regions.append((start, end))
    return regions
