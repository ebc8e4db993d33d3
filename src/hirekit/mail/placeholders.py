"""Template text: the placeholders a template may use, checking and filling them.

Placeholders are ``{name}``; ``{{`` and ``}}`` write literal braces. Only the
names in :data:`PLACEHOLDERS` are accepted, and only bare names: attribute or
index access (``{a.b}``, ``{a[0]}``), conversions and format specs are refused,
so an edited template can never reach into the objects it is filled from.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

PLACEHOLDERS: dict[str, str] = {
    "candidate_name": "The candidate's name",
    "job_title": "The job's title",
    "company": "Your company's name (setting HIREKIT_COMPANY_NAME)",
    "link": "A link for the candidate (the take-home upload page, a calendar link…)",
    "expires": "When the link expires",
    "interview_at": "The interview's date and time",
    "interview_place": "Where the interview happens (room or video link)",
    "sender_name": "The name of the person sending",
    "feedback": "The feedback a person wrote and approved for the candidate",
}

_FORMATTER = string.Formatter()


class TemplateTextError(ValueError):
    """The text is not a valid template; ``problems`` lists each issue."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def check(text: str) -> list[str]:
    """The problems in ``text`` as a template (empty when it is valid)."""
    try:
        fields = list(_FORMATTER.parse(text))
    except ValueError as exc:  # an unmatched brace
        return [f"{exc} (write {{{{ or }}}} for a literal brace)"]
    problems: list[str] = []
    for _literal, name, spec, conversion in fields:
        if name is None:
            continue
        if spec or conversion:
            problems.append(f"{{{name}}} may not carry a format or conversion")
        elif name not in PLACEHOLDERS:
            problems.append(f"unknown placeholder {{{name}}}")
    return problems


def fill(text: str, context: Mapping[str, object]) -> str:
    """``text`` with each placeholder replaced; placeholders without a value become ``""``.

    Raises TemplateTextError when ``text`` is not a valid template.
    """
    problems = check(text)
    if problems:
        raise TemplateTextError(problems)
    values = {name: "" for name in PLACEHOLDERS}
    values.update({k: str(v) for k, v in context.items() if k in PLACEHOLDERS and v is not None})
    return _FORMATTER.vformat(text, (), values)
