"""Where postal addresses sit in resume text, so that blinding can hide them.

An address tells a reviewer where someone lives, which says much about who
they are. The rules are written to over-hide a street line rather than let one
through: a labelled address ("Address: ...") and the lines that continue it,
a numbered street ("4 Arlington Street", "Hauptstraße 5", "Rua Augusta 12"),
house/flat/post-box lines, and a postcode with its city in the common
formats (US ZIP, UK, Canadian, Dutch, Indian PIN, four- or five-digit
European codes). Years are never read as postcodes.
"""

from __future__ import annotations

import re

_STREET_WORDS = (
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "ln",
    "boulevard",
    "blvd",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "close",
    "crescent",
    "terrace",
    "marg",
    "nagar",
    "colony",
    "sector",
    "square",
    "sq",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "circle",
    "cir",
    "mews",
    "gardens",
    "layout",
    "cross",
)
# Capitalised or in capitals only: "2 main modules" is not a street.
_STREET_WORD = "(?:" + "|".join(f"{w.capitalize()}|{w.upper()}" for w in _STREET_WORDS) + ")"
# "4 Arlington Street", "12B, Baker St.", "No. 24/23, Dr. Ambedkar Street"
_NUMBERED_STREET = re.compile(
    r"(?i:\b(?:no\.?\s*)?)\d{1,5}[A-Za-z]?(?:[/-]\d{1,5})?,?\s+(?:[A-Z][\w.'\u2019-]*,?\s+){0,4}"
    + _STREET_WORD
    + r"\b\.?[^\n|•]*"
)
# "Hauptstraße 5", "Rua Augusta 12", "Calle Mayor 3", "Via Roma 10", "12 rue de Rivoli"
_CONTINENTAL_STREET = re.compile(
    r"(?:\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|gracht|plein)"
    r"\s*\d{1,4}[a-z]?"
    r"|\b(?:Rua|Avenida|Av\.|Calle|Carrer|Via|Viale|Piazza|Rue|Place|Boulevard|Ulica|ul\.)"
    r"\s+[^\n,|•\d]{2,40}?,?\s*\d{1,4}[a-z]?"
    r"|\b\d{1,4}[a-z]?,?\s+(?:rue|avenue|boulevard|place|chemin|all[ée]e|impasse)\s+[^\n,|•]{2,40})"
    r"[^\n|•]*"
)
# Lines that are an address by their first word.
_ADDRESS_LINE = re.compile(
    r"(?im)^[ \t•*\-]*(?:(?:h|house|flat|door|plot|apt|apartment|unit|suite)\.?\s*(?:no\.?|#)"
    r"|p\.?\s?o\.?\s*box|post\s*box|p\.?o\.?[\s:\-–]|vill(?:age)?\.?[\s:\-–]|dist(?:t|rict)?\.?"
    r"[\s:\-–]|tehsil|taluk|s/o|d/o|w/o|c/o|at\s*(?:&|and)\s*post)[^\n]*"
)
# "Address: ...", "Permanent Address :-", "Present address" alone on its line.
_LABEL = re.compile(
    r"(?im)^[ \t•*\-]*(?:(?:permanent|present|current|residential|home|postal|mailing|"
    r"correspondence|contact|local)\s+)?(?:address|addr\.?|residence)\b[ \t]*(?:for\s+\w+\s*)?"
    r"[:\-–]*[ \t]*(?P<value>[^\n]*)"
)
_POSTCODE = re.compile(
    # US: "Cambridge, MA 02139", "Austin, TX 78701-1234"
    r"\b[A-Z][A-Za-z .'-]{1,30},\s*[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\b"
    # UK: "SW1A 1AA", "M1 1AE"; Canada: "K1A 0B1"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b"
    # India: "Delhi-110018", "Pin: 560 001", "PIN Code - 600040"
    r"|\b[A-Z][A-Za-z]+\s*[-–]\s*\d{6}\b|(?i:\bpin(?:\s*code)?\b\s*(?:no\.?)?\s*[:\-–]*\s*)\d{3}\s?\d{3}\b"
)
# Read in the text's head only, where the contact block is: further down
# "10000 Customers" is a figure, not a place. Years are never postcodes.
_LOOSE_POSTCODE = re.compile(
    # Netherlands: "1012 AB Amsterdam"
    r"\b(?!(?:19|20)\d\d\b)\d{4}\s?[A-Z]{2}\s+[A-Z][a-z]+"
    # Europe: "10115 Berlin", "1000-123 Lisboa", "75001 Paris" (not "2019 Google")
    r"|\b(?!(?:19|20)\d\d\b)\d{4,5}(?:-\d{3})?\s+[A-Z][a-zäöüéèàçãõ]+(?:[ -][A-Z][a-zäöüéèàç]+)?"
)
_HEAD_CHARS = 1500
# How many lines after "Address:" can continue it.
_CONTINUATION = 3
_CONTINUES = re.compile(r",\s*$|\d|\b" + _STREET_WORD + r"\b")
_OTHER_LABEL = re.compile(r"^[\w .'/-]{1,30}[:\-–]{1,2}\s|@|https?://", re.IGNORECASE)


def address_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every address part found; spans may overlap."""
    spans: list[tuple[int, int]] = []
    for pattern in (_NUMBERED_STREET, _CONTINENTAL_STREET, _ADDRESS_LINE, _POSTCODE):
        spans += [(m.start(), _trim(text, m.start(), m.end())) for m in pattern.finditer(text)]
    head = text[:_HEAD_CHARS]
    spans += [(m.start(), m.end()) for m in _LOOSE_POSTCODE.finditer(head)]
    for match in _LABEL.finditer(text):
        if match.group("value").strip():
            spans.append((match.start("value"), _trim(text, match.start("value"), match.end())))
        spans += _continuation(text, match.end(), bool(match.group("value").strip()))
    return [(start, end) for start, end in spans if end > start]


def _continuation(text: str, end: int, had_value: bool) -> list[tuple[int, int]]:
    """The lines under an address label that go on with it (up to a blank line or
    another label)."""
    spans = []
    position = end + 1
    for _ in range(_CONTINUATION):
        if position >= len(text):
            break
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position:line_end]
        if not line.strip() or _OTHER_LABEL.search(line.strip()):
            break
        if had_value and not _CONTINUES.search(line):
            break
        spans.append((position, line_end))
        had_value = True
        position = line_end + 1
    return spans


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    return end
