"""Explainable resume screening: extraction, profile, skills, flags with quotes, score.

>>> result = screen("resume.pdf", use_case="rest-api")
>>> [(f.flag, f.evidence[0].quote) for f in result.green_flags]
"""

from hirekit.engines.screening.batch import screen_batch, screen_many
from hirekit.engines.screening.blind import blind, blind_text
from hirekit.engines.screening.extract import Extraction, extract_text
from hirekit.engines.screening.limits import Limits
from hirekit.engines.screening.result import (
    Candidate,
    Evidence,
    FlagResult,
    Result,
    ScreenError,
)
from hirekit.engines.screening.screen import analyse, screen

__all__ = [
    "Candidate",
    "Evidence",
    "Extraction",
    "FlagResult",
    "Limits",
    "Result",
    "ScreenError",
    "analyse",
    "blind",
    "blind_text",
    "extract_text",
    "screen",
    "screen_batch",
    "screen_many",
]
