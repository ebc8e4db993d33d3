"""Whether screened text is a resume at all, for uploads that mix resumes with other files.

A bulk upload's archive often carries notes, cover letters or read-me files.
The rule is conservative, so that no real resume is ever skipped: text is
"not a resume" only when it is almost empty, or when it has none of the
things every resume has at least one of: a resume section heading
(experience, education, skills...), an e-mail address, a phone number, a
profile or portfolio link, a postal address near the top, dated work
history, or the words resumes are written in ("degree", "responsible",
"engineer"...) wherever they stand.
"""

from __future__ import annotations

import re

from hirekit.engines.screening.addresses import address_spans
from hirekit.engines.screening.result import Result

#: Fewer words than this is no resume, whatever they say.
MIN_WORDS = 5

TOO_SHORT = "Too short to be a resume."
# Words of work and study; three different ones make text read as a resume
# even without headings (a CV written as one block of prose).
_RESUME_WORDS = re.compile(
    r"\b(?:experience|experienced|education|skills?|university|college|degree|bachelor|"
    r"master|diploma|graduated?|engineer|developer|analyst|manager|intern|internship|"
    r"responsible|responsibilities|worked|working|employment|employer|projects?|"
    r"certifications?|qualifications?|curriculum|vitae|resume|résumé|objective|career)\b",
    re.IGNORECASE,
)
_ENOUGH_WORDS = 3
# Where a contact block with an address stands.
_HEAD = 2000
NO_RESUME_SIGNS = "Not a resume: no resume sections, contact details, links or work history."


def not_a_resume(result: Result) -> str | None:
    """Why ``result``'s text is not a resume, or ``None`` when it may well be one."""
    if len(result.text.split()) < MIN_WORDS:
        return TOO_SHORT
    person = result.candidate
    if result.sections or person.email or person.phone or person.links:
        return None
    if result.years_experience or address_spans(result.text[:_HEAD]):
        return None
    found = {m.group().lower() for m in _RESUME_WORDS.finditer(result.text)}
    return None if len(found) >= _ENOUGH_WORDS else NO_RESUME_SIGNS
