"""Contact details, sections and experience years read from resume text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from hirekit.engines.screening.periods import Period, find_periods, total_years
from hirekit.engines.screening.sections import (
    SECTION_NAMES,
    Section,
    SectionIndex,
    find_sections,
)
from hirekit.engines.screening.text_scan import occurrences

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ().\-]{7,18}\d(?![\w/])")
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
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-\u2013.]\s*(?:19|20)?\d\d")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'\u2019\-]+|[A-Z]\.?|[A-Z][A-Z'\u2019\-]+|de|van|von|da|del|la)$"
)
_NOT_NAME = re.compile(
    r"\b(?:resume|résumé|curriculum|vitae|cv|developer|engineer|manager|summary|profile|"
    r"experience|skills|contact|address|street|email|phone)\b",
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


def read_profile(text: str, today: date | None = None, lowered: str | None = None) -> Profile:
    """Everything but skills and flags; fields that cannot be found are ``None``/empty.

    ``lowered`` is ``text.lower()`` when the caller already has it.
    """
    sections = find_sections(text)
    email = first_email(text)
    periods = work_periods(text, sections, today)
    return Profile(
        name=find_name(text),
        email=email.group() if email else None,
        phone=find_phone(text),
        links=find_links(text, lowered),
        sections=tuple(sections),
        periods=tuple(periods),
        years_experience=total_years(periods),
    )


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


def find_name(text: str) -> str | None:
    """The first short line near the top made only of capitalised words."""
    for raw in text.splitlines()[:12]:
        line = raw.strip().lstrip("#").strip()
        if ":" in line and line.split(":", 1)[0].strip().lower() in ("name", "full name"):
            line = line.split(":", 1)[1].strip()
        words = line.split()
        if not 2 <= len(words) <= 4 or _NOT_NAME.search(line) or any(c.isdigit() for c in line):
            continue
        if all(_NAME_WORD.match(w.strip(",")) for w in words):
            return " ".join(w.strip(",") for w in words)
    return None


def find_phone(text: str) -> str | None:
    for match in PHONE.finditer(text):
        candidate = match.group().strip()
        digits = sum(c.isdigit() for c in candidate)
        # Date ranges ("2015 - 2019") have eight digits; phone numbers have 9-15.
        if 9 <= digits <= 15 and not _YEAR_RANGE.search(candidate):
            return candidate
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
    found: list[re.Match[str]] = []
    resume = 0
    for at in sorted(starts):
        if at >= resume and (match := URL.match(text, at)) is not None:
            found.append(match)
            resume = match.end()
    return found


def work_periods(text: str, sections: list[Section], today: date | None) -> list[Period]:
    """Periods outside education; inside experience when the resume has that section."""
    index = SectionIndex(sections)
    has_experience = any(s.name == "experience" for s in sections)
    wanted = []
    for period in find_periods(text, today, _period_regions(text, sections, has_experience)):
        where = index.at(period.start)
        if where == "education" or (has_experience and where not in ("experience", None)):
            continue
        wanted.append(period)
    return wanted


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
