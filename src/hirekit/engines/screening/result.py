"""The screening result and its JSON shape (``schema_version`` 1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hirekit.engines.screening.sections import Section

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Evidence:
    """A quoted sentence; ``result.text[start:end] == quote``."""

    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class FlagResult:
    flag: str  # guide flag id
    kind: str  # "green" | "yellow"
    evidence: tuple[Evidence, ...]
    confidence: str = "high"  # "high" | "medium"


@dataclass(frozen=True)
class Contribution:
    """Points one part of the evidence adds to the score (``source`` "fit" is the band's base)."""

    source: str  # "fit", a flag id, a use-case signal id or a red flag id
    label: str
    points: int


@dataclass(frozen=True)
class UseCaseEvidence:
    """A use-case signal (e.g. error handling for REST APIs) or red flag, with quotes."""

    signal: str
    label: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Candidate:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: tuple[str, ...] = ()

    @property
    def name_status(self) -> str:
        """``"found"``, or ``"not-found"``: no line of the resume reads as a person's
        name, and a person must name the candidate."""
        return "found" if self.name else "not-found"


@dataclass(frozen=True)
class ScreenError:
    code: str
    message: str


@dataclass(frozen=True)
class Result:
    """One screened file. ``text`` is the extracted text the evidence offsets refer to."""

    file: str
    use_case: str
    error: ScreenError | None = None
    candidate: Candidate = field(default_factory=Candidate)
    mentions_flask: bool = False
    years_experience: float | None = None
    skills: tuple[str, ...] = ()
    green_flags: tuple[FlagResult, ...] = ()
    yellow_flags: tuple[FlagResult, ...] = ()
    score: int = 0
    fit: str = "no"
    explanation: tuple[str, ...] = ()
    #: False when the resume claims no Python: yellow flags do not apply (not "clean").
    yellow_flags_assessed: bool = False
    #: The band's base and each flag's or signal's points; they add up to ``score``.
    contributions: tuple[Contribution, ...] = ()
    use_case_evidence: tuple[UseCaseEvidence, ...] = ()
    #: Breaks ties between equal scores: how much evidence the green flags quote.
    evidence_strength: int = 0
    text: str = ""
    sections: tuple[Section, ...] = ()
    blinded: bool = False

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        """The schema-1 JSON object.

        Beyond the listed keys: each flag carries ``"confidence"``; ``"sections"``
        lists ``{"name", "start", "end"}``; ``"blinded"`` says whether personal
        details were hidden; ``"yellow_flags_assessed"`` is false when no Python is
        claimed (yellow flags not applicable); ``"score_contributions"`` lists
        ``{"source", "label", "points"}`` summing to ``"score"``;
        ``"use_case_evidence"`` lists ``{"signal", "label", "evidence"}``;
        ``"evidence_strength"`` breaks ties; ``"text"`` only with ``include_text``.
        """
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "error": (
                {"code": self.error.code, "message": self.error.message} if self.error else None
            ),
            "candidate": {
                "name": self.candidate.name,
                "name_status": self.candidate.name_status,
                "email": self.candidate.email,
                "phone": self.candidate.phone,
                "links": list(self.candidate.links),
            },
            "mentions_flask": self.mentions_flask,
            "years_experience": self.years_experience,
            "skills": list(self.skills),
            "green_flags": [_flag(f) for f in self.green_flags],
            "yellow_flags": [_flag(f) for f in self.yellow_flags],
            "use_case": self.use_case,
            "score": self.score,
            "fit": self.fit,
            "explanation": list(self.explanation),
            "yellow_flags_assessed": self.yellow_flags_assessed,
            "score_contributions": [
                {"source": c.source, "label": c.label, "points": c.points}
                for c in self.contributions
            ],
            "use_case_evidence": [
                {
                    "signal": u.signal,
                    "label": u.label,
                    "evidence": [
                        {"quote": e.quote, "start": e.start, "end": e.end} for e in u.evidence
                    ],
                }
                for u in self.use_case_evidence
            ],
            "evidence_strength": self.evidence_strength,
            "sections": [{"name": s.name, "start": s.start, "end": s.end} for s in self.sections],
            "blinded": self.blinded,
        }
        if include_text:
            out["text"] = self.text
        return out

    def flag_ids(self) -> set[str]:
        return {f.flag for f in (*self.green_flags, *self.yellow_flags)}


def _flag(flag: FlagResult) -> dict[str, Any]:
    return {
        "flag": flag.flag,
        "evidence": [{"quote": e.quote, "start": e.start, "end": e.end} for e in flag.evidence],
        "confidence": flag.confidence,
    }
