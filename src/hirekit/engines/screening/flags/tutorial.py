"""Tutorial-sized work: courses, bootcamps, to-do apps and follow-along projects."""

from __future__ import annotations

import re

from hirekit.engines.screening.flags.evidence import ResumeView
from hirekit.engines.screening.word_starts import StartScan

TUTORIAL = re.compile(
    r"\b(?:tutorials?|mega-tutorial|course|courses|coursework|bootcamp|udemy|coursera|"
    r"codecademy|freecodecamp|to-?do(?:\s+list)?\s+app|todo|to-do|follow(?:ed|ing)\s+along|"
    r"class\s+project|homework|assignment|practice\s+project|hello\s+world|guided\s+project|"
    r"cs50|coding\s+school|(?:university|college)\s+(?:[\w-]+\s+){0,4}(?:unit|module))\b",
    re.IGNORECASE,
)


# One of these (lower-cased) is in every TUTORIAL match.
HINTS = (
    "tutorial", "course", "bootcamp", "udemy", "coursera", "codecademy", "freecodecamp",
    "todo", "to-do", "follow", "class", "homework", "assignment", "practice", "hello", "guided",
    "cs50", "coding", "university", "college",
)  # fmt: skip


# Every TUTORIAL match begins with one of these.
TUTORIAL_SCAN = StartScan(
    TUTORIAL,
    ("tutorial", "mega-tutorial", "course", "bootcamp", "udemy", "codecademy", "freecodecamp",
     "todo", "to-do", "follow", "class", "homework", "assignment", "practice", "hello", "guided",
     "cs50", "coding", "university", "college"),
)  # fmt: skip


def is_tutorial(view: ResumeView, index: int) -> bool:
    return index in view.where(TUTORIAL_SCAN, HINTS)
