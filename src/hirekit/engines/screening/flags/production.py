"""production_scale: Flask work in production backed by a number for scale or impact."""

from __future__ import annotations

import re

from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding
from hirekit.engines.screening.flags.tutorial import is_tutorial

# A number with a unit of traffic, volume, latency, money or improvement.
SCALE = re.compile(
    r"(?:\$\s?\d[\d,.]*\s*(?:k|m|mm|million|billion|b)?\b"
    r"|\b\d[\d,.]*\s*(?:k|m|mm|million|billion|thousand|b)?\+?\s*"
    r"(?:(?:daily|monthly|active|concurrent|paying|registered)\s+)?"
    r"(?:requests?|req/s|rps|qps|rpm|users?|customers?|transactions?|orders?|calls|events|"
    r"messages|records|rows|visitors|merchants|clients|tenants|jobs|payments|patients|members|"
    r"students|subscribers|devices|downloads|stores|businesses|employees|tb|gb|ms\b|"
    r"milliseconds|%|percent|x\s+faster|times\s+faster)"
    r"|\b\d{2}(?:\.\d+)?\s*%\s*uptime|\b99\.\d+\s*%)",
    re.IGNORECASE,
)
PRODUCTION = re.compile(
    r"\b(?:production|prod|live|serv(?:ed|es|ing)|handl(?:ed|es|ing)|process(?:ed|es|ing)|"
    r"scal(?:ed|es|ing)|reduc(?:ed|ing)|cut|improv(?:ed|ing)|increas(?:ed|ing)|uptime|"
    r"deployed|running|launched|shipped|peak|latency|throughput|used\s+by|per\s+(?:day|second|month)|"
    r"a\s+(?:day|month)|/\s*(?:day|s|sec|month))\b",
    re.IGNORECASE,
)


def detect(view: ResumeView) -> Finding | None:
    if not view.flask:
        return None  # every hit needs Flask in reach
    hits: list[tuple[int, bool]] = []
    for i in view.where(SCALE):
        if view.in_list(i) or is_tutorial(view, i):
            continue
        if view.matches(i, SCALE) is None or view.matches(i, PRODUCTION) is None:
            continue
        if view.flask_near(i, before=0):
            hits.append((i, True))
        elif view.flask_near(i, before=3):
            # The number belongs to a job or project whose heading named Flask.
            hits.append((i, False))
    return finding("production_scale", hits, view)
