"""years-of-flask: the post demands years of Flask itself.

Years of Python or of backend work are a fair ask; years next to the word
Flask are not, since a capable Python developer learns Flask in days. Only
phrasings where the years clearly attach to Flask count: "5+ years of
Flask", "Flask (3+ yrs)", "minimum 4 years experience with Flask".
"""

from __future__ import annotations

import re

from hirekit.engines.joblint.issue import Issue
from hirekit.engines.joblint.rules.context import RuleContext
from hirekit.engines.joblint.text import Section

RULE = "years-of-flask"

_COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_YEARS = (
    rf"{_COUNT}(?:\s*\+|\s*plus)?(?:\s*(?:-|\u2013|to)\s*{_COUNT}\s*\+?)?\+?\s*"
    r"(?:\(\s*\d{1,2}\s*\)\s*)?(?:years?|yrs?)\b['\u2019]?\+?"
)
_QUALIFIER = (
    r"(?:(?:professional|commercial|hands-on|production|solid|proven|relevant|demonstrable"
    r"|strong|practical|real-world|recent|working|industry|deep|extensive)\s+)*"
)
_ATTACH = (
    r"(?:(?:with|in|using|on|of|working with|developing (?:with|in)|building with|"
    r"programming (?:with|in)|doing)\s+)?"
)
_FLASK = r"Flask\b(?!-)"
_PATTERNS = (
    # "5+ years of Flask", "minimum 4 years experience with Flask", "5 yrs Flask"
    re.compile(
        rf"{_YEARS}\s+(?:of\s+)?{_QUALIFIER}(?:(?:experience|exp\.?)\s+)?{_ATTACH}"
        rf"(?:the\s+)?{_FLASK}",
        re.IGNORECASE,
    ),
    # "Flask (3+ yrs)", "Flask: 5 years", "Flask - min. 4 years"
    re.compile(
        rf"{_FLASK}\s*(?:\(|:|-|\u2013|\u2014)\s*(?:min(?:imum)?\.?\s+|at least\s+|>\s*)?{_YEARS}"
        r"\)?(?!\s+(?:of|in|with)\s+(?!flask))",
        re.IGNORECASE,
    ),
    # "Flask experience (5+ years)", "Flask experience of at least 5 years"
    re.compile(
        rf"{_FLASK}\s+(?:experience|development|expertise)\s*(?:\(|:|-|\u2013|of|for)?\s*"
        rf"(?:at least\s+|min(?:imum)?\.?\s+)?{_YEARS}",
        re.IGNORECASE,
    ),
    # "3+ years with Python and Flask": Flask joined to the list by "and", not "or"
    re.compile(
        rf"{_YEARS}\s+(?:of\s+)?{_QUALIFIER}(?:(?:experience|exp\.?)\s+)?{_ATTACH}"
        rf"(?:[\w.#+]+(?:\s*,\s*(?!or\b)[\w.#+]+)*,?\s+(?:and|&)\s+){_FLASK}",
        re.IGNORECASE,
    ),
    # Portuguese, Spanish, German: "3 anos de experiência com Flask",
    # "3 años de experiencia en Flask", "3 Jahre Erfahrung mit Flask"
    re.compile(
        rf"{_COUNT}\s*\+?\s*(?:anos|años|jahre?n?)\s+(?:de\s+)?"
        r"(?:experi[êe]ncia\s+|erfahrung\s+|profissional\s+|profesional\s+)*"
        rf"(?:com|em|con|en|mit|in|no|na)\s+(?:o\s+|el\s+)?{_FLASK}",
        re.IGNORECASE,
    ),
    # "you have worked with Flask for 5+ years"
    re.compile(
        rf"(?:worked|working|developed|developing|built|building|experience)\s+(?:with|in|on)\s+"
        rf"{_FLASK}\s+for\s+(?:at least\s+|over\s+|more than\s+)?{_YEARS}",
        re.IGNORECASE,
    ),
)


def check(ctx: RuleContext) -> list[Issue]:
    issues: list[Issue] = []
    for segment in ctx.doc.segments:
        if segment.optional or segment.section is Section.OPTIONAL:
            continue
        for pattern in _PATTERNS:
            for match in pattern.finditer(segment.text):
                start = segment.start + match.start()
                if any(i.start is not None and i.start <= start < (i.end or 0) for i in issues):
                    continue
                issue = ctx.quoted(
                    RULE,
                    start,
                    segment.start + match.end(),
                    "Asks for years of Flask itself; a strong Python developer learns Flask "
                    "in days, so this filters out good candidates.",
                    'Ask for years of Python or backend work instead, e.g. "4+ years building '
                    'web backends in Python (Flask a plus)".',
                )
                issues.append(ctx.linked(issue, "overemphasizing-framework-years"))
    return issues
