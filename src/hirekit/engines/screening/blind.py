"""Blind mode: hide who the candidate is from reviewers, keep what they did.

Replaces the name (whole, each given or family name alone in any case, the
names written on the first lines even when none was found, and spaced-out
"J A N E"), contact details (e-mails, every phone the phone finder reads,
messenger handles), postal addresses, links and personal sites, pronouns and
titles, gender, age/date of birth, nationality, marital status, photo captions
and school names with neutral placeholders, in the text and in every quote,
keeping ``text[start:end] == quote`` true. Photos never reach the text: the
extractors read text only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from hirekit.engines.screening.addresses import address_spans
from hirekit.engines.screening.names import name_parts, opening_names
from hirekit.engines.screening.phones import phone_spans
from hirekit.engines.screening.profile import EMAIL, PHONE, URL
from hirekit.engines.screening.result import Candidate, Evidence, FlagResult, Result
from hirekit.engines.screening.sections import Section

_PRONOUNS = {
    "he": "they", "she": "they", "him": "them", "her": "their", "his": "their",
    "hers": "theirs", "himself": "themself", "herself": "themself",
}  # fmt: skip
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Sir|Madam)\b\.?\s*")
_GENDER = re.compile(r"\b(?:male|female|man|woman|transgender|non-binary)\b", re.IGNORECASE)
_PERSONAL = re.compile(
    r"(?im)^[ \t]*(?:date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|born|age|gender|sex|"
    r"nationality|citizenship|marital\s+status|religion|photo|photograph|place\s+of\s+birth)"
    r"\b[ \t]*[:\-\u2013]?[ \t]*(?P<value>[^\n]*)"
)
_MARITAL = re.compile(r"\b(?:married|single|divorced|widowed)\b", re.IGNORECASE)
_AGE = re.compile(r"\b(?:aged?\s+\d{2}|\d{2}\s+years\s+old|born\s+(?:in|on)\s+[^\n,.;]+)", re.I)
_SCHOOL = re.compile(
    r"(?:[A-Z][\w.'\u2019&-]*\s+){0,5}(?:University|College|School|Institute|Academy|Polytechnic|"
    r"Universit[éäà]\w*|Hochschule|Lyc[ée]e|Gymnasium)(?:\s+(?:of|for|de|of the)\s+"
    r"(?:[A-Z][\w.'\u2019&-]*\s?){1,5})?"
)

# "Skype ID: jane.doe88", "GitHub: janedoe", "@janedoe": a handle names a person.
_HANDLE = re.compile(
    r"(?i:\b(?:skype|github|gitlab|linkedin|twitter|telegram|whatsapp|instagram|facebook|"
    r"stackoverflow|stack\s+overflow|kaggle|medium|x)\b(?:\s*(?:id|handle|profile|username))?"
    r"\s*[:\-–]+\s*)(?P<value>[^\s|,;•]+)"
    r"|(?<![\w@.])@(?P<at>[A-Za-z0-9_](?:[A-Za-z0-9_.-]{1,38}[A-Za-z0-9_])?)(?![\w@])"
)
# "janedoe.dev", "jane-doe.me/blog": a personal site written without "https://".
_SITE = re.compile(
    r"(?<![\w@./-])(?!socket\.io\b)[a-z0-9][a-z0-9-]{2,}(?:\.[a-z0-9-]+)*"
    r"\.(?:com|dev|io|me|net|org|info|site|page|blog|tech|xyz|online|co\.uk|co\.in|in)"
    r"(?:/[^\s<>()\"',;|]*)?(?![\w.])"
)

Replacement = tuple[int, int, str]


def blind(result: Result) -> Result:
    """A copy of ``result`` with personal details replaced by placeholders."""
    text = result.text
    edits = _merge(_spans(text, result))
    new_text, mapper = _apply(text, edits)
    return replace(
        result,
        candidate=Candidate(),
        text=new_text,
        green_flags=tuple(_remap_flag(f, new_text, mapper) for f in result.green_flags),
        yellow_flags=tuple(_remap_flag(f, new_text, mapper) for f in result.yellow_flags),
        use_case_evidence=tuple(
            replace(u, evidence=_remap(u.evidence, new_text, mapper))
            for u in result.use_case_evidence
        ),
        sections=tuple(
            Section(s.name, mapper(s.start, False), mapper(s.end, True)) for s in result.sections
        ),
        blinded=True,
    )


def blind_text(text: str, name: str | None = None) -> str:
    """Blind bare text; ``name`` (if known) is hidden wherever it appears."""
    edits = _merge(_spans(text, Result(file="", use_case="", candidate=Candidate(name=name))))
    return _apply(text, edits)[0]


def _spans(text: str, result: Result) -> list[Replacement]:
    spans: list[Replacement] = []
    for pattern, label in ((EMAIL, "[email]"), (URL, "[link]"), (_AGE, "[age]")):
        spans += [(m.start(), m.end(), label) for m in pattern.finditer(text)]
    spans += [(m.start(), m.end(), "[phone]") for m in PHONE.finditer(text) if _phone_like(m)]
    spans += [(start, end, "[phone]") for start, end in phone_spans(text)]
    spans += [(start, end, "[address]") for start, end in address_spans(text)]
    spans += [(m.start(), m.end(), "[link]") for m in _SITE.finditer(text)]
    for m in _HANDLE.finditer(text):
        group = "value" if m.group("value") else "at"
        spans.append((m.start(group), m.end(group), "[handle]"))
    spans += [(m.start(), m.end(), "") for m in _TITLE.finditer(text)]
    spans += [(m.start(), m.end(), "[gender]") for m in _GENDER.finditer(text)]
    spans += [(m.start(), m.end(), "[marital status]") for m in _MARITAL.finditer(text)]
    spans += [
        (m.start("value"), m.end("value"), "[hidden]")
        for m in _PERSONAL.finditer(text)
        if m.group("value").strip()
    ]
    spans += [(m.start(), m.end(), _pronoun(m.group())) for m in _PRONOUN.finditer(text)]
    spans += [(m.start(), m.end(), "[school]") for m in _SCHOOL.finditer(text)]
    spans += _name_spans(text, result.candidate.name)
    return spans


def _phone_like(match: re.Match[str]) -> bool:
    return 9 <= sum(c.isdigit() for c in match.group()) <= 15


def _pronoun(word: str) -> str:
    neutral = _PRONOUNS[word.lower()]
    return neutral.capitalize() if word[0].isupper() else neutral


def _name_spans(text: str, name: str | None) -> list[Replacement]:
    names = [n for n in (name, *opening_names(text)) if n]
    if not names:
        return []
    wholes = [re.escape(n) for n in names]
    parts = {p for n in names for p in name_parts(n)}
    # Each part alone, glued to digits ("jane1990") or spaced out ("J A N E").
    alone = [re.escape(p) for p in parts]
    spaced = [r"[ \t]".join(re.escape(c) for c in p) for p in parts if len(p) >= 3]
    # Letters-only boundaries: a part inside a longer word stays, one beside a
    # digit, a dot or an underscore ("DR.JANE", "jane_doe") goes.
    pattern = re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(sorted([*wholes, *alone, *spaced], key=len, reverse=True))
        + r")(?![^\W\d_])",
        re.IGNORECASE,
    )
    return [(m.start(), m.end(), "[name]") for m in pattern.finditer(text)]


def _merge(spans: list[Replacement]) -> list[Replacement]:
    """Non-overlapping edits; where two overlap, the earlier and longer one wins."""
    merged: list[Replacement] = []
    for start, end, label in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end, label))
    return merged


def _apply(text: str, edits: list[Replacement]) -> tuple[str, _Mapper]:
    pieces: list[str] = []
    position = 0
    old_starts: list[int] = []
    shifts: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new end
    new_length = 0
    for start, end, label in edits:
        pieces.append(text[position:start])
        new_length += start - position
        shifts.append((start, end, new_length, new_length + len(label)))
        old_starts.append(start)
        pieces.append(label)
        new_length += len(label)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), _Mapper(old_starts, shifts)


class _Mapper:
    """Maps an offset in the original text to the blinded text."""

    def __init__(self, starts: list[int], shifts: list[tuple[int, int, int, int]]) -> None:
        self._starts = starts
        self._shifts = shifts

    def __call__(self, offset: int, is_end: bool) -> int:
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        old_start, old_end, new_start, new_end = self._shifts[i]
        if offset >= old_end:
            return new_end + (offset - old_end)
        if offset == old_start and not is_end:
            return new_start
        return new_end if is_end else new_start


def _remap_flag(flag: FlagResult, text: str, mapper: _Mapper) -> FlagResult:
    return replace(flag, evidence=_remap(flag.evidence, text, mapper))


def _remap(items: tuple[Evidence, ...], text: str, mapper: _Mapper) -> tuple[Evidence, ...]:
    evidence = []
    for item in items:
        start, end = mapper(item.start, False), mapper(item.end, True)
        evidence.append(Evidence(text[start:end], start, end))
    return tuple(evidence)
