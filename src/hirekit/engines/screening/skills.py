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
from functools import cache
from pathlib import Path

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
_REACH = 300
_ORG_SUFFIX = re.compile(
    r"^(?:[A-Z][\w&'-]*\s+){0,3}(?i:Industries|Inc|Ltd|LLC|Corp|Corporation|Company|Co|Group|"
    r"Labs?|Manufacturing|Works|Glass|Holdings|Enterprises|GmbH|plc)\b"
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
        self._plain = _compile(plain, re.IGNORECASE)
        self._sensitive = _compile(sensitive, 0)

    def by_name(self, name: str) -> SkillDef:
        for skill in self.skills:
            if skill.name == name:
                return skill
        raise KeyError(name)

    def find(self, text: str, sentences: list[Sentence]) -> list[SkillHit]:
        """Accepted skill mentions in text order; overlaps keep the longest."""
        raw: list[tuple[int, int, SkillDef]] = []
        for pattern in (self._plain, self._sensitive):
            for match in pattern.finditer(text):
                raw.append((match.start(), match.end(), self._by_key[_key(match.group())]))
        raw.sort(key=lambda r: (r[0], r[0] - r[1]))
        kept: list[tuple[int, int, SkillDef]] = []
        for hit in raw:
            if kept and hit[0] < kept[-1][1]:
                continue
            kept.append(hit)
        starts = [s.start for s in sentences]
        cues = _Cues(
            anchors=[start for start, _, skill in kept if not skill.context],
            tech=[m.start() for m in _TECH_WORDS.finditer(text)],
            not_software=[m.start() for m in _NOT_SOFTWARE.finditer(text)],
        )
        hits: list[SkillHit] = []
        for start, end, skill in kept:
            if skill.context and not _in_context(text, start, end, cues, sentences, starts):
                continue
            hits.append(SkillHit(skill.name, skill.category, start, end))
        return hits


def _key(alias: str) -> str:
    return re.sub(r"[-_\s]+", "", alias.lower())


def _variants(alias: str) -> list[str]:
    """Accepted spellings of a context token: as written, plus lower/upper if long."""
    out = [alias]
    if len(alias) >= 4:
        out += [alias.lower(), alias.upper()]
    return out


def _compile(aliases: list[str], flags: int) -> re.Pattern[str]:
    parts = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        pieces = [re.escape(p) for p in re.split(r"[-_\s]+", alias)]
        body = r"[-_ ]?".join(pieces)
        # one- and two-letter tokens must not be glued to "-" or "&" ("R&D", "C-level").
        tail = r"(?![\w+#]|\.\w|[-&'\u2019]\w)" if len(alias) <= 2 else r"(?![\w+#]|\.\w)"
        parts.append(body + tail)
    return re.compile(r"(?<![\w+#.@])(?:" + "|".join(parts) + ")", flags)


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
    if _any_in(cues.not_software, lo, hi):
        return False
    return _any_in(cues.anchors, lo, hi) or _any_in(cues.tech, lo, hi)


@dataclass(frozen=True)
class _Cues:
    """Sorted offsets, found once per text, so each context check is a bisect."""

    anchors: list[int]  # unambiguous skills
    tech: list[int]  # software words
    not_software: list[int]  # lab glassware and the like


def _any_in(offsets: list[int], lo: int, hi: int) -> bool:
    first = bisect_left(offsets, lo)
    return first < len(offsets) and offsets[first] < hi


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
