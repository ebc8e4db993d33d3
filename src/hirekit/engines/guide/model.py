"""Typed, immutable shape of a role guide. The loader builds these from TOML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: The use cases every guide must describe; they drive screening weights,
#: interview kits and job-post checks.
USE_CASES: tuple[str, ...] = ("rest-api", "microservices", "full-stack")

#: The fixed vocabulary of interview question topics. Kits group questions by
#: topic, so a guide may not invent its own.
TOPICS: tuple[str, ...] = (
    "philosophy",
    "app-structure",
    "app-factory",
    "blueprints",
    "extensions",
    "context-locals",
    "wsgi",
    "decorators",
    "database",
    "configuration",
    "rest-design",
    "error-handling",
    "service-communication",
    "templates",
    "forms",
    "sessions",
    "security",
    "testing",
    "background-jobs",
    "deployment",
    "performance",
)

HIRING_DIFFICULTIES: tuple[str, ...] = ("easy", "moderate", "hard")

FLAG_KINDS: tuple[str, ...] = ("green", "yellow")


@dataclass(frozen=True)
class MarketSnapshot:
    region: str  # e.g. "US"
    currency: str  # ISO 4217, e.g. "USD"
    senior_salary_min: int  # yearly, whole currency units
    senior_salary_max: int
    hiring_difficulty: str  # "easy" | "moderate" | "hard"
    time_to_hire_weeks_min: int
    time_to_hire_weeks_max: int


@dataclass(frozen=True)
class BuildArea:
    """One kind of thing people in the role build (e.g. REST APIs)."""

    title: str
    summary: str
    examples: tuple[str, ...]
    companies: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkillArea:
    title: str
    summary: str
    skills: tuple[str, ...]
    red_flag: str = ""  # what a weak candidate shows in this area, if notable


@dataclass(frozen=True)
class Flag:
    id: str  # e.g. "production_scale"
    kind: str  # "green" | "yellow"
    label: str  # short, for chips
    description: str  # what raises it, in plain words


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str


@dataclass(frozen=True)
class Mistake:
    id: str
    title: str
    problem: str
    fix: str


@dataclass(frozen=True)
class FrameworkSide:
    """One framework's position in a trade-off, e.g. Flask in Flask vs Django."""

    framework: str
    stance: str  # the one-line character, e.g. "small core, you choose the parts"
    points: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """A trade-off hiring teams ask about, e.g. why Flask rather than Django."""

    id: str
    title: str
    sides: tuple[FrameworkSide, ...]
    verdict: str  # how teams usually settle it in practice


@dataclass(frozen=True)
class FaqEntry:
    question: str
    answer: str


@dataclass(frozen=True)
class UseCase:
    slug: str  # one of USE_CASES
    title: str
    priorities: tuple[str, ...]
    interview_focus: str
    red_flag: str
    #: screening weight per flag id (green flags positive, yellow negative)
    weights: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    topic: str
    use_cases: tuple[str, ...]
    junior: str  # what a junior answer sounds like
    senior: str  # what a senior answer sounds like
    red_flag: str = ""


@dataclass(frozen=True)
class Guide:
    slug: str  # e.g. "flask"
    role: str  # e.g. "Flask developer"
    title: str
    summary: str
    market: MarketSnapshot
    builds: tuple[BuildArea, ...]
    skills: tuple[SkillArea, ...]
    green_flags: tuple[Flag, ...]
    yellow_flags: tuple[Flag, ...]
    glossary: tuple[Term, ...]
    mistakes: tuple[Mistake, ...]
    use_cases: Mapping[str, UseCase]
    questions: tuple[Question, ...]
    comparisons: tuple[Comparison, ...] = ()
    faq: tuple[FaqEntry, ...] = ()

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Green flags first, then yellow, each in guide order."""
        return (*self.green_flags, *self.yellow_flags)

    def flag(self, flag_id: str) -> Flag:
        for f in self.flags:
            if f.id == flag_id:
                return f
        raise KeyError(flag_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def questions_for(self, use_case: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if use_case in q.use_cases)

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.topic for q in self.questions))
