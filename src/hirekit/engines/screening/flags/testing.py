"""testing: automated tests, by a named framework or by writing unit/integration tests.

Manual QA, testing samples in a lab or testing circuits is not this flag.
"""

from __future__ import annotations

import re

from hirekit.engines.screening.flags.context import Context
from hirekit.engines.screening.flags.evidence import Finding, ResumeView, finding

AUTOMATED = re.compile(
    r"\b(?:unit[\s-]+tests?|unit[\s-]+testing|integration[\s-]+tests?|integration\s+testing|"
    r"end-to-end\s+tests?|e2e\s+tests?|automated\s+(?:tests?|testing|test\s+suites?)|"
    r"test\s+suites?|test\s+coverage|code\s+coverage|tdd|test-driven|"
    r"test\s+client|property-based\s+tests?|regression\s+tests?\s+(?:in|with)\s+\w+|"
    r"test\s+automation|automation\s+test(?:s|ing)?|(?:manual\s+and\s+)automation|"
    r"automated\s+test\s+scripts?|test\s+frameworks?|"
    # Russian: test coverage of code, unit tests, autotests, integration tests.
    r"покрыти\w+\s+(?:кода\s+)?тест\w*|юнит-тест\w*|модульн\w+\s+тест\w*|автотест\w*|"
    r"интеграционн\w+\s+тест\w*)\b",
    re.IGNORECASE,
)
_MANUAL = re.compile(r"\bmanual(?:ly)?\b", re.IGNORECASE)
# Testing of business functions with users, or of documents, is not code-level testing.
_BUSINESS = re.compile(
    r"\b(?:ERP|SAP|UAT|business\s+users|functional\s+consultant|test\s+scenarios|"
    r"test\s+management\s+tool|phases\s+of\s+testing|BI\s+objects|data\s*warehouse|"
    # Requests collected in Postman test an API by hand; they are not code-level tests.
    r"Postman|SoapUI|"
    # Checking ETL mappings and data loads is data validation, not code-level testing.
    r"ETL|data\s+loads?|mappings?|Informatica|Talend|DataStage|SSIS|"
    # Documents prepared for testing are paperwork about it.
    r"(?:prepar\w+|wr(?:ote|iting))\s+(?:\w+\s+){0,2}?documents?\s+for)\b",
    re.IGNORECASE,
)


# A browser driven to collect data is scraping, not testing.
_SCRAPING = re.compile(r"\b(?:scrap\w*|crawl\w*|spider\w*|harvest\w*)\b", re.IGNORECASE)
_BROWSER_DRIVERS = frozenset({"Selenium", "Playwright"})


def _scraping_only(view: ResumeView, index: int) -> bool:
    """The only testing tools named are browser drivers, used here for scraping."""
    names = {
        h.name for h in view.skills[index] if h.category == "testing" and view.claims(index, h)
    }
    return names <= _BROWSER_DRIVERS and bool(_SCRAPING.search(view.sentences[index].text))


# One of these (lower-cased) is in every AUTOMATED match ("тест" in the Russian ones).
HINTS = ("test", "tdd", "coverage", "automation", "тест")


def detect(view: ResumeView, context: Context) -> Finding | None:
    hits: list[tuple[int, bool]] = []
    candidates = sorted({*view.with_skills, *view.sentences_with(HINTS)})
    for i in candidates:
        # A testing course or certificate names tools without any testing done.
        if context.course(i):
            continue
        prose = not view.in_list(i)
        if view.claimed(i, category="testing") and not _scraping_only(view, i):
            hits.append((i, prose))
            continue
        match = view.matches(i, AUTOMATED)
        if match is None:
            continue
        # "manual regression test suite" is QA work, unless automation is named too.
        before = view.sentences[i].text[: match.start()]
        if _MANUAL.search(before) and "automat" not in match.group().lower():
            continue
        if _BUSINESS.search(view.sentences[i].text):
            continue
        hits.append((i, prose))
    return finding("testing", hits, view)
