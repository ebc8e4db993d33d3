"""The candidate's name: a line near the top that reads as a person's name.

A heading ("Curriculum Vitae", "Career Objective"), a school, a company, a job
title or an address is never a name; a title written after the name on the same
line ("Jane Doe Python Developer", "JANE DOE | Engineer") is cut off. When no
line qualifies the answer is ``None`` and the candidate needs a person to look.
"""

from __future__ import annotations

import re


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Words that never occur in a person's name but do in the lines around it.
_HEADING_WORDS = _words(
    """
    resume résumé curriculum vitae vita cv biodata bio-data objective objectives career
    academic academics details detail summary profile experience experiences education
    skills skill contact contacts personal information info declaration references
    reference qualification qualifications address email e-mail mail phone mobile cell
    tel telephone name date birth nationality languages language hobbies interests
    projects project achievements certifications training courses page overview about
    statement professional technical key core strengths work employment history
    responsibilities duties present current dear sir madam marital status visa visit
    state country passport gender religion father mother husband spouse sex loan homes
    syndicated plumbing tooling design areas area expertise
    """
)
_INSTITUTION_WORDS = _words(
    """
    university college school institute institution academy polytechnic faculty
    department board campus ltd ltd. limited inc inc. llc plc corporation corp company
    technologies solutions services systems group bank pvt private street road avenue
    lane city district house flat floor block sector heights vill village post dist
    distt tk taluk tehsil nagar colony park society accommodation apartment apt
    residency near opp fund mutual ward po p.o ps building tower plaza complex chowk
    marg mohalla pin dt no s.no
    """
)
_TITLE_WORDS = _words(
    """
    developer developers engineer engineering manager analyst consultant designer intern
    internship officer executive specialist architect lead administrator admin
    programmer tester scientist student graduate trainee assistant associate director
    coordinator technician accountant teacher lecturer professor researcher owner
    founder freelancer freelance senior junior principal head chief devops backend back-
    end frontend front-end full-stack fullstack stack software web python java data qa
    android ios mobile network sales marketing hr support operations mechanical
    electrical electronics civil chemical instrumentation commerce b.e b.tech m.tech
    b.sc m.sc mba bca mca sc tech b.tech. m.tech. msc bsc
    """
)
_PARTICLES = _words(
    """
    ibn das dos da der el di binti le la den do y von della al van de del bin
    """
)
# One word of a name: capitalised, all capitals, an initial, or hyphenated/apostrophe parts.
_NAME_WORD = re.compile(
    r"^(?:[^\W\d_]\.|[^\W\d_]{1,3}\.|[^\W\d_][^\W\d_'\u2019.\-]*(?:['\u2019\-][^\W\d_]+)*)$"
)
# "Name: ..." and "Personal Details: - JANE DOE" (a label with the name after it).
_LABEL = re.compile(
    r"^\s*(?:(?:full\s+)?name|personal\s+details)\s*[:\-]+[\s:\-]*(.+)$", re.IGNORECASE
)
# Zero-width characters some PDF writers put between the letters and words of a line,
# and icon glyphs of symbol fonts (private use area) before a phone or an e-mail.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_ICONS = re.compile("[\ue000-\uf8ff]+")
_SPLIT = re.compile(r"\s*(?:[|•·,;/(\[–—]|\s-\s|\t\s*\t|\s{3,})\s*")
# "PRAMOD.T.C", "S.Malarvizhi": initials written without spaces.
_GLUED_DOT = re.compile(r"\.(?=[^\W\d_])")
_LEAD = re.compile(r"^[\s#*•\-–>]+")
_LINES_READ = 15
_CONTACT = re.compile(r"(?:e-?mail|mobile|mob|phone|ph|tel|contact|cell)\b", re.IGNORECASE)


def find_name(text: str) -> str | None:
    """The candidate's name as written (all-capital names in title case), or ``None``."""
    if _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
    if _ICONS.search(text):
        text = _ICONS.sub(" ", text)
    lines = text.splitlines()
    for raw in lines[:40]:
        label = _LABEL.match(raw)
        if label and (name := _as_name(_SPLIT.split(label.group(1).strip())[0])):
            return name
    read = 0
    for raw in lines:
        line = _LEAD.sub("", raw).strip()
        if not line:
            continue
        read += 1
        if read > _LINES_READ:
            break
        first = _SPLIT.split(line)[0]
        if name := _as_name(first) or _as_name(first.split("\t")[0]):
            return name
    return None


def _as_name(chunk: str) -> str | None:
    chunk = _GLUED_DOT.sub(". ", chunk.replace("\u00a0", " ").replace("\t", " "))
    words = [_tidy(w) for w in chunk.split()]
    # "SREERAM .M": the initial's dot, split off above, is not a word.
    words = [w for w in words if w.strip(".")]
    # A job title, a contact label or a long number (a phone, a roll number) after the
    # name: keep the words before it. ("New Delhi 110019" stays an address.)
    for at, word in enumerate(words):
        if (
            _bare(word) in _TITLE_WORDS
            or _CONTACT.match(word)
            or word[0] == "+"
            or sum(c.isdigit() for c in word) >= 7  # a postal code is shorter
        ):
            words = words[:at]
            break
    if not 2 <= len(words) <= 5:
        return None
    if len([w for w in words if _bare(w) not in _PARTICLES]) < 2:
        return None
    for word in words:
        bare = _bare(word)
        if bare in _HEADING_WORDS or bare in _INSTITUTION_WORDS:
            return None
        if bare in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return None
    if all(len(_bare(w).rstrip(".")) <= 1 for w in words):
        return None  # initials only
    name = " ".join(words)
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        name = " ".join(_title(w) for w in words)
    return name


def _tidy(word: str) -> str:
    """ "MUZAFFAR." -> "MUZAFFAR", "T." stays an initial; stray commas go."""
    word = word.strip(",;:")
    return word.rstrip(".") if len(word.rstrip(".")) > 3 else word


def _bare(word: str) -> str:
    return word.strip(".,:;()\"'").lower()


def _title(word: str) -> str:
    if len(word.rstrip(".")) <= 1 or word.lower() in _PARTICLES:
        return word if len(word.rstrip(".")) <= 1 else word.lower()
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


# Honorifics and suffixes written beside a name: never a part that identifies anyone.
_HONORIFICS = _words(
    "dr dr. md md. mr mrs ms miss mx jr jr. sr sr. prof prof. er er. adv sri shri smt"
)
_OPENING_LINES = 3
_BRACKETS = re.compile(r"[\[\](){}<>\"]")


def name_parts(name: str | None) -> tuple[str, ...]:
    """The words of ``name`` that point at a person: given and family names, not
    initials, honorifics or particles ("Dr. C. Jane de Vries" -> Jane, Vries)."""
    if not name:
        return ()
    parts = []
    for word in _GLUED_DOT.sub(". ", name).split():
        bare = _bare(word).rstrip(".")
        if len(bare) < 2 or bare in _HONORIFICS or f"{bare}." in _HONORIFICS:
            continue
        if bare in _PARTICLES:
            continue
        parts.append(bare)
    return tuple(dict.fromkeys(parts))


def opening_names(text: str) -> list[str]:
    """Names written on the first lines, read more loosely than :func:`find_name`:
    the leading words of a chunk ("[Jane Doe] | CV", "J. DOE No. 24 Main Street")
    that read as a name. Blinding hides them even when no name was found."""
    found: list[str] = []
    read = 0
    for raw in text.splitlines():
        line = _LEAD.sub("", _BRACKETS.sub(" ", raw)).strip()
        if not line:
            continue
        read += 1
        if read > _OPENING_LINES:
            break
        for chunk in _SPLIT.split(line):
            words = chunk.split()
            for size in range(min(5, len(words)), 1, -1):
                if name := _as_name(" ".join(words[:size])):
                    found.append(name)
                    break
    return found
