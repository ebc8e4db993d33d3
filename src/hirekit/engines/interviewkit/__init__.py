"""Interview kits and level estimates: the role guide's questions in the interviewer's hand.

Pure: plain dataclasses in and out, no web framework, no database.
"""

from hirekit.engines.interviewkit.calibration import (
    CalibrationRating,
    RaterCalibration,
    calibrate,
)
from hirekit.engines.interviewkit.estimate import (
    LEVEL_SCORES,
    Driver,
    LevelEstimate,
    QuestionRating,
    estimate_level,
    relevance,
)
from hirekit.engines.interviewkit.kit import (
    KIT_SIZES,
    LEVEL_TOPIC_BONUS,
    Kit,
    KitQuestion,
    generate_kit,
)
from hirekit.engines.interviewkit.spread import ItemSpread, spreads
from hirekit.engines.interviewkit.tailored import (
    FindingEvidence,
    TailoredQuestion,
    tailored_questions,
)

__all__ = [
    "KIT_SIZES",
    "LEVEL_SCORES",
    "LEVEL_TOPIC_BONUS",
    "CalibrationRating",
    "Driver",
    "FindingEvidence",
    "ItemSpread",
    "Kit",
    "KitQuestion",
    "LevelEstimate",
    "QuestionRating",
    "RaterCalibration",
    "TailoredQuestion",
    "calibrate",
    "estimate_level",
    "generate_kit",
    "relevance",
    "spreads",
    "tailored_questions",
]
