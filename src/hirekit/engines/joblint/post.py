"""The job post as the checks receive it: its text plus what the job form knows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JobPost:
    """A job description and the structured facts entered next to it.

    ``salary_min``/``salary_max`` are yearly amounts in whole units of
    ``currency`` (ISO 4217). ``level`` is e.g. ``"junior"``, ``"mid"``,
    ``"senior"``; ``use_case`` one of the guide's use cases. Any of them may be
    unknown (``None``); the checks then read what they can from the text.
    """

    text: str
    #: The job's title when it is a field of its own; else the post's first line is.
    title: str | None = None
    level: str | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str | None = None
    use_case: str | None = None

    @property
    def has_salary_fields(self) -> bool:
        return self.salary_min is not None or self.salary_max is not None
