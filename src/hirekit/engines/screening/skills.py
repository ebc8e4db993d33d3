"""Skills from the taxonomy (``hirekit/guides/taxonomy/skills.toml``) found in text.

Aliases match on word boundaries with interchangeable separators, so
"Flask-SQLAlchemy", "flask_sqlalchemy" and "Flask SQLAlchemy" are one skill.
Tokens marked ``context`` ("Go", "R", "C", "Flask") count only in their own
capitalisation and with software nearby; "EAGLE FLASK INDUSTRIES" or a
volumetric flask is not the framework.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from hirekit.engines.screening.aliases import AliasMatcher
from hirekit.engines.screening.sentences import Sentence

# engines must not import other hirekit packages, so the data file is found by path.
DEFAULT_TAXONOMY = Path(__file__).resolve().parents[2] / "guides" / "taxonomy" / "skills.toml"

_TECH_WORDS = re.compile(
    r"\b(?:api|apis|rest|restful|backend|back-end|web|framework|frameworks|microservices?|"
    r"endpoints?|developer|development|programming|software|languages?|code|coding|stack|"
    r"server|servers|database|scripts?|scripting|library|libraries|deployed|app|apps|"
    r"applications?|engineer|engineering|technologies|tools|skills|python)\b",
    re.IGNORECASE,
)
_NOT_SOFTWARE = re.compile(
    r"\b(?:erlenmeyer|volumetric|beakers?|pipettes?|titrations?|reagents?|vacuum|thermos|"
    r"hip|glassware|laboratory glass)\b",
    re.IGNORECASE,
)
# Substrings one of which any _NOT_SOFTWARE match contains (lower-cased).
_NOT_SOFTWARE_HINTS = (
    "erlenmeyer", "volumetric", "beaker", "pipette", "titration", "reagent", "vacuum",
    "thermos", "hip", "glassware", "laboratory glass",
)  # fmt: skip
_LONGEST_CUE = 20
_REACH = 300
# Case-insensitive matching accepts these for ASCII letters ("\u212a" is K);
# the lookup key must map them back to find the skill.
_ASCII_FOR_LOOKALIKES = str.maketrans("\u0130\u0131\u017f\u212a", "iisk")
_ORG_SUFFIX = re.compile(
    r"^(?:[A-Z][\w&'-]*\s+){0,3}(?i:Industries|Inc|Ltd|LLC|Corp|Corporation|Company|Co|Group|"
    r"Labs?|Manufacturing|Works|Glass|Holdings|Enterprises|GmbH|plc|Distiller(?:y|ies)|Brewery|"
    r"Winery|Spirits|Bottling|Coffee|Caf[eé]|Bar|Pub|Restaurant|Bakery|Hotel|Studios?|Shop)\b"
)


@dataclass(frozen=True)
class SkillDef:
    name: str
    aliases: tuple[str, ...]
    context: bool
    category: str


@dataclass(frozen=True)
class SkillHit:
    """One accepted mention: ``text[start:end]`` is the spelling found."""

    name: str
    category: str
    start: int
    end: int


class Taxonomy:
    """Compiled matchers for a list of skills."""

    def __init__(self, skills: tuple[SkillDef, ...]) -> None:
        self.skills = skills
        self._by_key: dict[str, SkillDef] = {}
        plain: list[str] = []
        sensitive: list[str] = []
        for skill in skills:
            for alias in skill.aliases:
                self._by_key[_key(alias)] = skill
                if skill.context:
                    sensitive.extend(_variants(alias))
                else:
                    plain.append(alias)
        self._aliases = AliasMatcher(plain, sensitive)

    def by_name(self, name: str) -> SkillDef:
        for skill in self.skills:
            if skill.name == name:
                return skill
        raise KeyError(name)

    def find(
        self, text: str, sentences: list[Sentence], lowered: str | None = None
    ) -> list[SkillHit]:
        """Accepted skill mentions in text order; overlaps keep the longest.

        ``lowered`` is ``text.lower()`` when the caller already has it.
        """
        raw = [
            (match.start(), match.end(), self._by_key[_key(match.group())])
            for match in self._aliases.find(text, lowered)
        ]
        raw.sort(key=lambda r: (r[0], r[0] - r[1]))
        kept: list[tuple[int, int, SkillDef]] = []
        for hit in raw:
            if kept and hit[0] < kept[-1][1]:
                continue
            kept.append(hit)
        if any(skill.context for _, _, skill in kept):
            kept = _with_context(text, kept, sentences, lowered)
        return [SkillHit(skill.name, skill.category, start, end) for start, end, skill in kept]


def _with_context(
    text: str,
    kept: list[tuple[int, int, SkillDef]],
    sentences: list[Sentence],
    lowered: str | None,
) -> list[tuple[int, int, SkillDef]]:
    """Drop context-sensitive mentions without software nearby."""
    starts = [s.start for s in sentences]
    cues = _Cues(text, [start for start, _, skill in kept if not skill.context], lowered)
    return [
        (start, end, skill)
        for start, end, skill in kept
        if not skill.context or _in_context(text, start, end, cues, sentences, starts)
    ]


def _key(alias: str) -> str:
    return re.sub(r"[-_\s]+", "", alias.translate(_ASCII_FOR_LOOKALIKES).lower())


def _variants(alias: str) -> list[str]:
    """Accepted spellings of a context token: as written, plus lower/upper if long."""
    out = [alias]
    if len(alias) >= 4:
        out += [alias.lower(), alias.upper()]
    return out


def _in_context(
    text: str,
    start: int,
    end: int,
    cues: _Cues,
    sentences: list[Sentence],
    starts: list[int],
) -> bool:
    if _ORG_SUFFIX.match(text[end : end + 80].lstrip(" ")):
        return False
    token = text[start:end]
    position = max(bisect_right(starts, start) - 1, 0)
    window = sentences[max(position - 1, 0) : position + 2]
    if not window:
        return False
    # The window is bounded in characters too: one huge "sentence" must not make
    # each lookup scan the whole text.
    lo, hi = max(window[0].start, start - _REACH), min(window[-1].end, end + _REACH)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", end, hi)
    line = text[line_start : line_end if line_end >= 0 else hi]
    if token.isupper() and len(token) > 2 and sum(w.isupper() for w in line.split()) >= 3:
        return False  # a shouted heading or company name, not a skills entry
    if not (_any_in(cues.anchors, lo, hi) or cues.tech(lo, hi)):
        return False
    return not cues.not_software(lo, hi)


class _Cues:
    """Where software words are. Each check reads only its window of the text:
    a resume has few context-sensitive mentions, and most have an unambiguous
    skill nearby, so scanning the whole text for cue words costs more."""

    def __init__(self, text: str, anchors: list[int], lowered: str | None) -> None:
        self.text = text
        self.anchors = anchors  # sorted offsets of unambiguous skills
        self._lowered = lowered

    @cached_property
    def _glassware(self) -> bool:
        """Whether the text may hold a laboratory word at all; asked only once a
        mention has passed the other checks (each substring test reads the text)."""
        lowered = self._lowered if self._lowered is not None else self.text.lower()
        return any(word in lowered for word in _NOT_SOFTWARE_HINTS) or any(
            c in self.text for c in "\u0130\u0131\u017f\u212a"
        )

    def tech(self, lo: int, hi: int) -> bool:
        return _starts_in(_TECH_WORDS, self.text, lo, hi)

    def not_software(self, lo: int, hi: int) -> bool:
        return self._glassware and _starts_in(_NOT_SOFTWARE, self.text, lo, hi)


def _starts_in(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Whether a match of ``pattern`` in the whole text starts in ``[lo, hi)``.

    Both cue patterns are words bounded by ``\\b`` on each side and at most
    ``_LONGEST_CUE`` long, so a match starting before ``hi`` is whole (its
    closing boundary seen) when the search stops at ``hi + _LONGEST_CUE``.
    """
    match = pattern.search(text, lo, hi + _LONGEST_CUE)
    return match is not None and match.start() < hi


def _any_in(offsets: list[int], lo: int, hi: int) -> bool:
    first = bisect_left(offsets, lo)
    return first < len(offsets) and offsets[first] < hi


# A link: a scheme, "www." or a host name ending in a common top-level domain and a
# path ("example.org/flask-demo"); "Node.js/Flask" is not one.
_URL_TOKEN = re.compile(
    r"(?:://|www\.|\w\.(?:com|org|net|io|dev|me|app|co|ai|edu|gov|info|tech|site|page|blog|"
    r"uk|de|fr|in|us|eu|ca|au|br|nl|ru|es|it|pl)/)",
    re.IGNORECASE,
)


def names_flask(hits: list[SkillHit]) -> bool:
    """ "Flask" names the web framework somewhere (a Flask extension implies it).

    Company names, glassware and CSS classes never become hits (see
    :func:`_in_context`), nor do link targets (see :func:`drop_links`).
    """
    return any(h.name == "Flask" or h.category == "flask-extension" for h in hits)


def drop_links(text: str, hits: list[SkillHit]) -> list[SkillHit]:
    """The hits outside link targets: "example.org/flask-demo" claims no skill."""
    if "/" not in text and "www." not in text:
        return hits
    kept = []
    for hit in hits:
        start = max(text.rfind(" ", 0, hit.start), text.rfind("\n", 0, hit.start)) + 1
        ends = [e for e in (text.find(" ", hit.end), text.find("\n", hit.end)) if e >= 0]
        token = text[start : min(ends) if ends else len(text)]
        if not _URL_TOKEN.search(token):
            kept.append(hit)
    return kept


@cache
def load_taxonomy(path: Path = DEFAULT_TAXONOMY) -> Taxonomy:
    """Parse and compile a taxonomy file; cached per path for the process."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    skills = tuple(
        SkillDef(
            name=entry["name"],
            aliases=tuple(entry.get("aliases", [entry["name"]])),
            context=bool(entry.get("context", False)),
            category=str(entry.get("category", "other")),
        )
        for entry in data["skill"]
    )
    return Taxonomy(skills)
