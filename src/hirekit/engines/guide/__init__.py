"""The role guide: how to hire for one role, kept as validated data."""

from hirekit.engines.guide.loader import GuideError, default_guide, load_guide, parse_guide
from hirekit.engines.guide.model import (
    USE_CASES,
    BuildArea,
    Flag,
    Guide,
    MarketSnapshot,
    Mistake,
    Question,
    SkillArea,
    Term,
    UseCase,
)

__all__ = [
    "USE_CASES",
    "BuildArea",
    "Flag",
    "Guide",
    "GuideError",
    "MarketSnapshot",
    "Mistake",
    "Question",
    "SkillArea",
    "Term",
    "UseCase",
    "default_guide",
    "load_guide",
    "parse_guide",
]
