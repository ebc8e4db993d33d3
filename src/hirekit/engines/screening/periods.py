"""Work periods ("Jan 2019 - Present", "2016-2018", "03/2017 - 06/2019") and total years."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from hirekit.engines.screening.text_scan import matches_at, occurrences

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# A month word and its year may be joined by spaces, "-" or a dash ("Jan-1994",
# "Jan – 1999"); a numeric date may carry its day ("01-12-2004", "31.12.2009").
_DATE = (
    r"(?:(?P<{p}mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?"
    r"[\s\-\u2013]*(?P<{p}y1>(?:19|20)\d\d)"
    r"|(?:\d{{1,2}}[/.\-])?(?P<{p}num>\d{{1,2}})[/.\-](?P<{p}y2>(?:19|20)\d\d)|"
    r"(?P<{p}y3>(?:19|20)\d\d)(?:[-/.](?P<{p}m3>\d\d))?)"
)
RANGE = re.compile(
    r"(?<!\d)"
    + _DATE.format(p="a")
    + r"(?:\s*(?:-|\u2013|\u2014|to|until|till)\s*(?:"
    + _DATE.format(p="b")
    + r"|(?P<open>present|current|today|(?:till\s+|to\s+|until\s+)?(?:date|now)|ongoing))"
    # "November 2013 onwards": a start with no end is open too
    + r"|\s+(?P<onwards>onwards|on wards))(?!\d)",
    re.IGNORECASE,
)


_YEAR = re.compile(r"(?:19|20)\d\d")
# What ``[a-z]`` matches under IGNORECASE (month names included): ASCII letters
# and four others that fold to them.
_LETTERS = string.ascii_letters + "\u0130\u0131\u017f\u212a"


@dataclass(frozen=True)
class Period:
    """A date range as months since year 0, ``start <= end``; offsets into the text."""

    start_month: int
    end_month: int
    start: int
    end: int


def find_periods(
    text: str,
    today: date | None = None,
    regions: list[tuple[int, int]] | None = None,
    as_of: date | None = None,
) -> list[Period]:
    """Date ranges in ``text``; with ``regions`` (ordered ``(start, end)`` spans that
    begin and end at section headings or the text's ends) only those are read.

    An open end ("Present", "till date") stops at ``as_of``, the document's own
    date, when given (never after ``today``); else at ``today``.
    """
    today = today or date.today()
    now = today.year * 12 + today.month - 1
    written = min(now, as_of.year * 12 + as_of.month - 1) if as_of else now
    periods = []
    for lo, hi in regions if regions is not None else [(0, len(text))]:
        for match in ranges(text, lo, hi):
            first = _month(match, "a", start=True)
            is_open = match.group("open") or match.group("onwards")
            last = written if is_open else _month(match, "b", start=False)
            if first is None or last is None or first > last or last > now + 12:
                continue
            periods.append(Period(first, min(last, now), match.start(), match.end()))
    return periods


_EXPLICIT_DATE = re.compile(
    r"(?:(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*"
    r"|(?P<num>\d{1,2})[/.\-])?(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


def latest_date(text: str, today: date | None = None) -> date | None:
    """The latest month written in the text, not after ``today`` ("2019" alone
    reads as December 2019, capped at today): the best guess at when a file
    without a date in its metadata was written."""
    today = today or date.today()
    now = today.year * 12 + today.month - 1
    best: int | None = None
    for match in explicit_dates(text):
        year = int(match["year"])
        if match["mon"]:
            month = _MONTHS[match["mon"][:3].lower()]
        elif match["num"] and 1 <= int(match["num"]) <= 12:
            month = int(match["num"])
        else:
            month = 12
        value = min(now, year * 12 + month - 1)
        if year <= today.year and (best is None or value > best):
            best = value
    return None if best is None else date(best // 12, best % 12 + 1, 1)


def ranges(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Same as ``RANGE.finditer(text, lo, hi)``, trying the pattern only where a match can
    start: every match's first date holds a year, preceded by nothing, by one or
    two digits and a slash or dot, or by a month word, "." or ",", and spaces."""
    return matches_at(RANGE, text, _date_starts(text, lo, hi), hi)


def explicit_dates(text: str) -> list[re.Match[str]]:
    """Same as ``_EXPLICIT_DATE.finditer(text)``, tried only where a range's first date
    can start: an explicit date is a year with nothing, "1-2 digits and a slash, dot
    or hyphen", or "month word, '.', ',' and spaces" before it, so it starts there."""
    return matches_at(_EXPLICIT_DATE, text, _date_starts(text, 0, len(text)))


def _date_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where a date range can start in ``text[lo:hi]``, ascending (see :func:`ranges`)."""
    starts: set[int] = set()
    for at in _years(text, lo, hi):
        starts.add(at)
        # "3/2019", "03.2019", "01-12-2004": only after a slash, a dot, a hyphen or
        # a digit can a match begin up to six characters earlier (a month word is
        # covered below).
        if at > lo and (text[at - 1] in "/.-" or text[at - 1].isdigit()):
            starts.update(range(max(lo, at - 6), at))
        word_end = at
        while word_end > lo and (text[word_end - 1].isspace() or text[word_end - 1] in "-\u2013"):
            word_end -= 1
        for mark in ",.":
            if word_end > lo and text[word_end - 1] == mark:
                word_end -= 1
        word_start = _letters_before(text, lo, word_end)
        # In the word, a match can begin only where a month name does.
        starts.update(
            p for p in range(word_start, word_end) if text[p : p + 3].casefold() in _MONTHS
        )
    return sorted(starts)


def _years(text: str, lo: int, hi: int) -> list[int]:
    """Where ``_YEAR.finditer(text, lo, hi)`` matches, found from "19" and "20"."""
    hi = min(hi, len(text))
    if hi - lo < 4:
        return []  # (and a negative bound below would count from the text's end)
    last = hi - 2  # where a year's first two digits must end, leaving room for two
    found = [at for century in ("19", "20") for at in occurrences(text, century, lo, last)]
    years = []
    resume = lo
    for at in sorted(found):
        if at >= resume and text[at + 2].isdecimal() and text[at + 3].isdecimal():
            years.append(at)
            resume = at + 4
    return years


def _letters_before(text: str, lo: int, end: int) -> int:
    """Where the run of :data:`_LETTERS` ending at ``end`` begins (not before ``lo``);
    ``rstrip`` walks the run in C instead of one match per letter."""
    width = 16
    while True:
        begin = max(lo, end - width)
        start = begin + len(text[begin:end].rstrip(_LETTERS))
        if start > begin or begin == lo:
            return start
        width *= 4


def _month(match: re.Match[str], p: str, *, start: bool) -> int | None:
    g = match.groupdict()
    if g[p + "y1"]:
        # casefold, not lower: the case-insensitive pattern also matches the long s "ſep"
        month_of = _MONTHS.get(g[p + "mon"][:3].casefold())
        return None if month_of is None else int(g[p + "y1"]) * 12 + month_of - 1
    if g[p + "y2"]:
        month = int(g[p + "num"])
        return int(g[p + "y2"]) * 12 + month - 1 if 1 <= month <= 12 else None
    if g[p + "y3"]:
        month = int(g[p + "m3"]) if g[p + "m3"] else (1 if start else 12)
        return int(g[p + "y3"]) * 12 + month - 1 if 1 <= month <= 12 else None
    return None


def total_years(periods: list[Period]) -> float | None:
    """Years covered by the union of periods (overlaps count once), one decimal."""
    if not periods:
        return None
    spans = sorted((p.start_month, p.end_month + 1) for p in periods)
    months = 0
    current_start, current_end = spans[0]
    for lo, hi in spans[1:]:
        if lo > current_end:
            months += current_end - current_start
            current_start, current_end = lo, hi
        else:
            current_end = max(current_end, hi)
    months += current_end - current_start
    return round(months / 12, 1)
