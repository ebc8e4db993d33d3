"""Split a job post into segments (bullets, sentences) that know their section.

Posts are written every way imaginable: markdown headings, bold labels,
ALL CAPS, "Requirements: Python, Flask" on one line, or no structure at all.
A segment carries the kind of section it sits in, so rules can tell a
requirement from a nice-to-have, a duty or a benefit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Section(Enum):
    NONE = "none"  # before any recognised heading, or a post without headings
    REQUIRED = "required"
    OPTIONAL = "optional"
    DUTIES = "duties"
    OTHER = "other"  # about us, benefits, stack, process, ...


@dataclass(frozen=True)
class Segment:
    """One bullet or sentence: ``text[start:end]`` of the post."""

    start: int
    end: int
    text: str
    section: Section
    #: the segment itself says it is not required ("... is a plus")
    optional: bool

    @property
    def required(self) -> bool:
        """True when this segment states something the candidate must have."""
        return not self.optional and self.section in (Section.REQUIRED, Section.NONE)


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    segments: tuple[Segment, ...]
    word_count: int
    has_headings: bool

    def in_section(self, section: Section) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.section is section)


# Checked in this order: "Preferred qualifications" is optional, not required.
_HEADING_KINDS: tuple[tuple[Section, re.Pattern[str]], ...] = (
    (
        Section.OPTIONAL,
        re.compile(
            r"nice[\s-]to[\s-]haves?|bonus|preferred|good[\s-]to[\s-]have|desirable|pluses"
            r"|extra credit|would be (?:great|nice)|even better|brownie points|not required"
            r"|optional|we'?d love|wünschenswert|von vorteil|\bplus\b"
            r"|diferencia(?:is|l|les)|desejáve(?:l|is)|deseable|valorável|se valorar",
        ),
    ),
    (
        Section.REQUIRED,
        re.compile(
            r"requirements?|required|must[\s-]haves?|qualifications"
            r"|what you(?:'ll| will)? (?:need|bring)"
            r"|what we(?:'re| are)? (?:looking|look) for|who you are|about you|you have|you are"
            r"|your (?:profile|skills|experience|background|toolkit)|^skills|^experience"
            r"|ideal candidate|essential|we expect|you should have|you'll have|profile"
            r"|ihr profil|dein profil|votre profil|anforderungen|was du mitbringst"
            r"|^requisitos|obrigatórios|obligatorios|imprescindible",
        ),
    ),
    (
        Section.DUTIES,
        re.compile(
            r"responsibilit|what you(?:'ll| will)? (?:do|be doing|work on)|your role|the role"
            r"|^role|duties|day[\s-]to[\s-]day|^you will|the job|mission|aufgaben|your day"
            r"|what you'll build|the work|the position"
            r"|descrição da vaga|atividades|responsabilidades|descripción del puesto|funciones",
        ),
    ),
    (
        Section.OTHER,
        re.compile(
            r"benefits|perks|offer|compensation|salary|pay\b|about us|about the|who we are|company"
            r"|stack|tools|apply|process|interview|location|why join|why you|culture|team"
            r"|equal opportunit|eeo|diversity|what's in it|contact|logistics|remote|how we work",
        ),
    ),
)

_BULLET = re.compile(r"^\s*(?:[-*•·▪●◦\u2013\u2014+]|\d{1,2}[.)])\s+")
_LABEL_LEAD = re.compile(r"(?:(?:our|the|your|about|why|what|who|how|and|&)\s+)*")
_MARKUP = re.compile(r"[#*_=`>|]+")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_OPTIONAL_CUE = re.compile(
    r"nice[\s-]to[\s-]have|\ba (?:big |huge |strong )?(?:plus|bonus)\b|\bbonus points?\b"
    r"|\(plus\)|\(bonus\)|\bpreferred\b|\badvantage(?:ous)?\b|would be (?:great|nice|helpful)"
    r"|\bhelpful\b|\bideally\b|\bnot (?:required|a must|necessary|mandatory)\b|\boptional\b"
    r"|\bdesirable\b|\bwelcome\b|\bis a plus\b|\bnice\b|\bappreciated\b|\bbeneficial\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])|(?<=;)\s+")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def heading_kind(line: str) -> tuple[Section, int] | None:
    """The section a heading line opens, and where its own content starts.

    A line is a heading when it is short and marked as one: markdown ``#``,
    bold, a trailing colon, ALL CAPS, or a bare label. "Requirements: Python,
    Flask" is a heading with content; content then starts after the colon.
    """
    raw = line.strip()
    if not raw:
        return None
    marked = raw.startswith(("#", "**", "__")) or raw.isupper()
    if _BULLET.match(line) and not marked:
        return None
    label, sep, rest = raw.partition(":")
    if not sep:
        label = raw
    # A parenthetical aside ("Nice to have (optional, but a huge plus)") is not
    # part of the label: it neither names the section nor makes the line long.
    label = _ASIDE.sub(" ", _MARKUP.sub(" ", label)).strip().lower()
    if not label or word_count(label) > 6:
        return None
    if not sep and not marked and label.endswith((".", "!", "?", ",")):
        return None
    if not sep and not marked and word_count(label) > 4:
        return None
    bare = not sep and not marked
    for section, pattern in _HEADING_KINDS:
        found = pattern.search(label)
        # A bare label must start with its keyword, give or take "our"/"the":
        # "Our stack" is a heading, "Core Team" or "Strong team player" is not.
        if found and (not bare or _LABEL_LEAD.fullmatch(label[: found.start()])):
            content = line.index(":") + 1 if sep and rest.strip() else len(line)
            return section, content
    return None


def _sentences(text: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((offset + begin, offset + match.start()))
        begin = match.end()
    spans.append((offset + begin, offset + len(text)))
    return [(a, b) for a, b in spans if b > a]


def _title(text: str) -> str:
    for line in text.splitlines():
        clean = _MARKUP.sub(" ", line).strip()
        if clean:
            return clean if word_count(clean) <= 14 else ""
    return ""


def parse_document(text: str, title: str | None = None) -> Document:
    """Cut ``text`` into segments labelled with their section.

    ``title``: the job's title when known apart from the text; else the first line.
    """
    segments: list[Segment] = []
    section = Section.NONE
    has_headings = False
    pos = 0
    for line in text.splitlines(keepends=True):
        start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        heading = heading_kind(body)
        content_from = 0
        if heading is not None:
            section, content_from = heading
            has_headings = True
        chunk = body[content_from:]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = content_from + len(chunk) - len(chunk.lstrip())
        for a, b in _sentences(stripped, start + lead):
            piece = text[a:b]
            optional = bool(_OPTIONAL_CUE.search(piece))
            segments.append(Segment(a, b, piece, section, optional))
    return Document(
        text=text,
        title=_title(text) if title is None else _MARKUP.sub(" ", title).strip(),
        segments=tuple(segments),
        word_count=word_count(text),
        has_headings=has_headings,
    )
