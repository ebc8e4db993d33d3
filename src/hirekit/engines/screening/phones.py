"""Phone numbers read with Google's libphonenumber rules (the ``phonenumbers`` port).

A pattern alone cannot tell "+1 (201) 555-0123" from "Dhaka-1207 01712 345678" or a
date range; the library knows each country's number lengths, so a postal code next
to a number is never taken into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

# Regions tried for numbers written without "+country": the one the text names
# first, then the countries resumes most often come from.
_FALLBACK_REGIONS = ("US", "GB", "IN", "BD", "BR", "DE", "FR", "PK", "NG", "CA", "AU")
_COUNTRY_WORDS: dict[str, str] = {
    "united states": "US",
    "usa": "US",
    "u.s.": "US",
    "canada": "CA",
    "united kingdom": "GB",
    "london": "GB",
    "england": "GB",
    "india": "IN",
    "bangalore": "IN",
    "bengaluru": "IN",
    "pune": "IN",
    "mumbai": "IN",
    "hyderabad": "IN",
    "chennai": "IN",
    "delhi": "IN",
    "bangladesh": "BD",
    "dhaka": "BD",
    "chittagong": "BD",
    "brasil": "BR",
    "brazil": "BR",
    "são paulo": "BR",
    "germany": "DE",
    "deutschland": "DE",
    "berlin": "DE",
    "france": "FR",
    "paris": "FR",
    "pakistan": "PK",
    "nigeria": "NG",
    "australia": "AU",
    "poland": "PL",
    "polska": "PL",
    "ukraine": "UA",
    "spain": "ES",
    "españa": "ES",
    "portugal": "PT",
    "netherlands": "NL",
    "italy": "IT",
    "mexico": "MX",
    "uae": "AE",
    "u.a.e": "AE",
    "dubai": "AE",
    "abu dhabi": "AE",
    "sharjah": "AE",
    "saudi": "SA",
    "ksa": "SA",
    "riyadh": "SA",
    "qatar": "QA",
    "doha": "QA",
    "kenya": "KE",
    "nairobi": "KE",
    "kerala": "IN",
    "tamil nadu": "IN",
    "bihar": "IN",
    "gujarat": "IN",
    "maharashtra": "IN",
    "uttar pradesh": "IN",
    "haryana": "IN",
    "karnataka": "IN",
    "punjab": "IN",
    "rajasthan": "IN",
    "kolkata": "IN",
    "noida": "IN",
    "gurgaon": "IN",
    "new delhi": "IN",
    "méxico": "MX",
    "argentina": "AR",
}
_COUNTRY = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(w) for w in _COUNTRY_WORDS) + r")(?!\w)", re.IGNORECASE
)
# The same words read in lower-cased text: the engine compares characters as they
# are instead of case-folding each, and skips ahead to the words' first letters.
_COUNTRY_LOWER = re.compile(
    r"(?<!\w)(?=["
    + "".join(sorted({w[0] for w in _COUNTRY_WORDS}))
    + "])("
    + "|".join(re.escape(w) for w in _COUNTRY_WORDS)
    + r")(?!\w)"
)
# Letters that match ASCII ones only when ignoring case, or ("\u0130") whose lower()
# is two characters: in a text holding one, lower-casing is not the same reading.
_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")
# Where a resume puts its contact details: numbers further down are more often
# identifiers, amounts or dates than a phone.
_HEAD_CHARS = 6000
# More characters than any written phone number takes, separators included.
_LONGEST_NUMBER = 48


def find_phone(text: str) -> str | None:
    """The first phone number in the text, in international format ("+1 201-555-0123").

    Numbers must be valid for their country; a number written without a country
    code is read in the country the resume names, else in the common ones.
    """
    head = text[:_HEAD_CHARS]
    if not _SEVEN_DIGITS.search(head):
        return None
    # Each region reads the text its own way; the number written first wins, and
    # among readings of the same spot the most likely region (listed first).
    # The library's matcher walks every character it is given, for every region: give
    # it only the stretches around runs of digits, where a number can be. Stretches
    # are read in order, every region on one before the next: once one holds a number,
    # a later stretch cannot hold an earlier one.
    windows = _windows(head)
    regions = _regions(head) if windows else []
    best: tuple[int, str] | None = None
    for start, end in windows:
        for region in regions:
            if best is not None and not _MATCH_START.search(head, start, best[0]):
                # Another region can only win with a number written before the best
                # one, and every number the matcher reads begins at a digit, a plus
                # or an opening bracket: none stands before it here.
                break
            # A later region reads no further than the best number so far (plus the
            # longest a number runs), as the region that found it did.
            limit = end if best is None else min(end, best[0] + _LONGEST_NUMBER)
            found = _first_match(head, start, limit, region)
            if found is not None and (best is None or found.start < best[0]):
                formatted = phonenumbers.format_number(
                    found.number, PhoneNumberFormat.INTERNATIONAL
                )
                best = (found.start, formatted)
        if best is not None:
            break
    if best is not None:
        return best[1]
    # A number written with its country code that the library cannot confirm
    # (a new range, a placeholder) is still the one the candidate gave. Such a number
    # has a digit a few characters after its "+": without one ("C++"), nothing to read.
    if not _PLUS_THEN_DIGIT.search(head):
        return None
    for match in PhoneNumberMatcher(head, "US", leniency=Leniency.POSSIBLE, max_tries=200):
        if match.raw_string.startswith("+"):
            return phonenumbers.format_number(match.number, PhoneNumberFormat.INTERNATIONAL)
    return None


@dataclass(frozen=True)
class _Found:
    start: int  # in the head of the text
    number: phonenumbers.PhoneNumber


def _first_match(head: str, start: int, end: int, region: str) -> _Found | None:
    """The first number the matcher reads in ``region`` in ``head[start:end]`` (dates
    and numbers cut from their "+country" skipped)."""
    for match in PhoneNumberMatcher(
        head[start:end], region, leniency=Leniency.VALID, max_tries=200
    ):
        at = start + match.start
        if _looks_like_date(match.raw_string) or _CUT_COUNTRY.search(head, 0, at):
            continue
        return _Found(at, match.number)
    return None


def _windows(head: str) -> list[tuple[int, int]]:
    """Stretches of ``head`` around runs of digits, merged where they touch: each run
    with the characters before it (a "+", a bracket, the letter the matcher checks
    for) and after it (an extension: "ext. 12")."""
    windows: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(head):
        # Too few digits for a phone, or only a date or a range of them ("2015 - 2019",
        # "03/2019 - 12/2020"): the matcher would read it and the checks below drop it.
        if len(_DIGIT.findall(run.group())) < 5 or _ONLY_DATES.fullmatch(run.group()):
            continue
        start = max(0, run.start() - _BEFORE)
        end = min(len(head), run.end() + _AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


# Digits with the separators numbers are written with; a phone has at least three.
_DIGIT_RUN = re.compile(r"\d(?:[\d\s().\-/\u2010-\u2015\u2212\[\]~]*\d){2,}")
_BEFORE = 8
_AFTER = 24
_DIGIT = re.compile(r"\d")
# Where the matcher's candidates begin (its lead class: brackets and plus signs, or a
# digit); a number it reads never starts before its candidate does.
_MATCH_START = re.compile(r"[\d(\[\uff08\uff3b+\uff0b]")
# A "+" and, within the few separators and brackets the matcher allows after it,
# a digit.
_PLUS_THEN_DIGIT = re.compile(r"\+\D{0,12}\d")
_SEVEN_DIGITS = re.compile(r"(?:\d\D*){6}\d")
_DATE = r"(?:(?:0?[1-9]|[12]\d|3[01])[/.])?(?:(?:0?[1-9]|1[0-2])[/.])?(?:19|20)\d\d"
_ONLY_DATES = re.compile(rf"{_DATE}(?:\s*[-\u2013/]\s*{_DATE})?")


def _regions(text: str) -> list[str]:
    """Regions to read national numbers in: those of "+country" numbers in the
    text, then those the text names, then the common ones."""
    dialled = []
    for match in _DIALLED.finditer(text):
        region = phonenumbers.region_code_for_country_code(int(match.group(1)))
        if region != "ZZ":
            dialled.append(region)
    if any(c in text for c in _LOOKALIKES):
        words = [m.group(1).lower() for m in islice(_COUNTRY.finditer(text), 2)]
    else:
        words = [m.group(1) for m in islice(_COUNTRY_LOWER.finditer(text.lower()), 2)]
    named = [_COUNTRY_WORDS[word] for word in words]
    return list(dict.fromkeys([*dialled[:2], *named[:2], *_FALLBACK_REGIONS]))


# "+91", "+1 ": a country calling code of one to three digits.
_DIALLED = re.compile(r"\+\s?(1|[2-9]\d\d?)[\s\-(]")
# A match that leaves out the "+country" written just before it was read in the
# wrong country.
_CUT_COUNTRY = re.compile(r"\+\d{1,3}[\s(]*\Z")
# "2015 - 2019", "03/2019 - 12/2020", "14.03.2008": dates the library can read
# as a number somewhere.
_DATE_LIKE = re.compile(
    r"(?:19|20)\d\d\s*[-\u2013/.]\s*(?:19|20)?\d\d(?!\d)"
    r"|(?<!\d)(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d(?!\d)"
    r"|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$"
)


def _looks_like_date(raw: str) -> bool:
    return bool(_DATE_LIKE.search(raw.strip()))


# Regions read when looking for every number to hide: the text's own, then two
# common ones; more only slows blinding down without finding other numbers.
_SPAN_REGIONS = 3


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Where every phone number the library can read sits in ``text`` (for blinding):
    all of them, not only the first, in the regions the text points at."""
    if sum(c.isdigit() for c in text) < 7:
        return []
    spans: set[tuple[int, int]] = set()
    for region in _regions(text[:_HEAD_CHARS])[:_SPAN_REGIONS]:
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE, max_tries=500):
            if not _looks_like_date(match.raw_string):
                spans.add((match.start, match.end))
    return sorted(spans)
