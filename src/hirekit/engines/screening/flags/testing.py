"""testing: automated tests, by a named framework or by writing unit/integration tests.

Manual QA, testing samples in a lab or testing circuits is not this flag.
"""

from __future__ import annotations

import re

from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding

AUTOMATED = re.compile(
    r"\b(?:unit[\s-]+tests?|unit[\s-]+testing|integration[\s-]+tests?|integration\s+testing|"
    r"end-to-end\s+tests?|e2e\s+tests?|automated\s+(?:tests?|testing|test\s+suites?)|"
    r"test\s+suites?|test\s+coverage|code\s+coverage|tdd|test-driven|"
    r"test\s+client|property-based\s+tests?|regression\s+tests?\s+(?:in|with)\s+\w+)\b",
    re.IGNORECASE,
)
_MANUAL = re.compile(r"\bmanual(?:ly)?\b", re.IGNORECASE)


# One of these (lower-cased) is in every AUTOMATED match.
HINTS = ("test", "tdd", "coverage")


def detect(view: ResumeView) -> Finding | None:
    hits: list[tuple[int, bool]] = []
    candidates = sorted({*view.with_skills, *view.sentences_with(HINTS)})
    for i in candidates:
        prose = not view.in_list(i)
        if view.claimed(i, category="testing"):
            hits.append((i, prose))
            continue
        match = view.matches(i, AUTOMATED)
        if match is None:
            continue
        # "manual regression test suite" is QA work, unless automation is named too.
        before = view.sentences[i].text[: match.start()]
        if _MANUAL.search(before) and "automat" not in match.group().lower():
            continue
        hits.append((i, prose))
    return finding("testing", hits, view)
