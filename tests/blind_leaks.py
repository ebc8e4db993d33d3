"""What of a person a blinded resume still shows, for the tests that blind real files."""

from __future__ import annotations

import re

from hirekit.engines.screening import Result, blind
from hirekit.engines.screening.names import name_parts


def leaks(result: Result) -> list[str]:
    """What of the person the blinded text still shows: kinds only, never the values."""
    hidden = blind(result).text
    found = []
    for part in name_parts(result.candidate.name):
        if re.search(r"(?<![^\W\d_])" + re.escape(part) + r"(?![^\W\d_])", hidden, re.I):
            found.append("name part")
    if result.candidate.email and result.candidate.email.lower() in hidden.lower():
        found.append("email")
    if result.candidate.phone:
        tail = re.sub(r"\D", "", result.candidate.phone)[-7:]
        runs = (re.sub(r"\D", "", m.group()) for m in re.finditer(r"\d[\d ().\-]*", hidden))
        if any(tail in run for run in runs):
            found.append("phone")
    return found
