"""One resume from bytes to a scored, explainable :class:`Result`."""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from hirekit.engines.screening.extract import extract_text
from hirekit.engines.screening.extract.extraction import Extraction, Source
from hirekit.engines.screening.failures import MESSAGES
from hirekit.engines.screening.flags import Finding, ResumeView, detect_flags
from hirekit.engines.screening.flags.usecase import weigh
from hirekit.engines.screening.limits import Limits
from hirekit.engines.screening.profile import read_profile
from hirekit.engines.screening.result import (
    Candidate,
    Evidence,
    FlagResult,
    Result,
    ScreenError,
    UseCaseEvidence,
)
from hirekit.engines.screening.scoring import Extra, evidence_strength, score_flags
from hirekit.engines.screening.sections import SectionIndex, with_company_rows
from hirekit.engines.screening.sentences import Sentence, split_sentences
from hirekit.engines.screening.skills import SkillHit, drop_links, load_taxonomy, names_flask

if TYPE_CHECKING:
    from hirekit.engines.guide import Guide


@cache
def _default_guide() -> Guide:
    from hirekit.engines.guide import default_guide

    return default_guide()


def screen(
    source: Source,
    use_case: str = "rest-api",
    guide: Guide | None = None,
    limits: Limits | None = None,
    filename: str | None = None,
    today: date | None = None,
) -> Result:
    """Screen one resume (path or bytes). Unreadable files give a result with ``error``.

    Raises ``ValueError`` only for a ``use_case`` the guide does not define.
    """
    guide = checked_guide(guide, use_case)
    name = filename or ("" if isinstance(source, bytes) else os.fspath(source))
    return screen_extraction(extract_text(source, limits), use_case, guide, name, today)


def checked_guide(guide: Guide | None, use_case: str) -> Guide:
    """``guide`` (default: the built-in one), once it is known to define ``use_case``.

    Raises ``ValueError`` for a use case the guide does not define.
    """
    guide = guide or _default_guide()
    if use_case not in guide.use_cases:
        raise ValueError(f"unknown use case {use_case!r}; expected one of {list(guide.use_cases)}")
    return guide


def screen_extraction(
    extraction: Extraction, use_case: str, guide: Guide, file: str = "", today: date | None = None
) -> Result:
    """The result for a file already read: its error, or the analysis of its text."""
    if extraction.error:
        error = ScreenError(extraction.error, MESSAGES[extraction.error])
        return Result(file=file, use_case=use_case, error=error, explanation=(error.message,))
    return analyse(extraction.text, use_case, guide, file, today, extraction.written)


def analyse(
    text: str,
    use_case: str,
    guide: Guide,
    file: str = "",
    today: date | None = None,
    written: date | None = None,
) -> Result:
    """Screen already extracted text (the part after :func:`extract_text`);
    ``written`` is the file's own date, where open work periods end."""
    lowered = text.lower()
    profile = read_profile(text, today, lowered, written)
    sentences = split_sentences(text)
    index = SectionIndex(with_company_rows(text, list(profile.sections)))
    hits = drop_links(text, load_taxonomy().find(text, sentences, lowered))
    view = ResumeView(
        text=text,
        sentences=sentences,
        section_index=index,
        skills=_by_sentence(hits, sentences),
        lowered=lowered,
    )
    found = detect_flags(view, use_case)
    green_results = tuple(_flag_result(f, "green") for f in found.green)
    yellow_results = tuple(_flag_result(f, "yellow") for f in found.yellow)
    labels = {f.id: f.label for f in (*guide.green_flags, *guide.yellow_flags)}
    api = view.raised.get("api_design")
    weighed = weigh(use_case, found.signals, api.evidence if found.api_only and api else None)
    scored = score_flags(
        green_results,
        yellow_results,
        guide.use_cases[use_case].weights,
        labels,
        fit=found.band.fit,
        reason=found.band.reason,
        extras=tuple(Extra(id, label, weight) for id, label, weight, _ in weighed.found),
        possible_extras=weighed.possible,
    )
    return Result(
        file=file,
        use_case=use_case,
        candidate=Candidate(profile.name, profile.email, profile.phone, profile.links),
        mentions_flask=names_flask(hits),
        years_experience=profile.years_experience,
        skills=tuple(dict.fromkeys(h.name for h in hits)),
        green_flags=green_results,
        yellow_flags=yellow_results,
        score=scored.score,
        fit=scored.fit,
        explanation=scored.explanation,
        yellow_flags_assessed=found.yellow_assessed,
        contributions=scored.contributions,
        use_case_evidence=tuple(
            UseCaseEvidence(id, label, _quotes(quoted)) for id, label, _, quoted in weighed.found
        ),
        evidence_strength=evidence_strength((f.confidence, len(f.evidence)) for f in green_results),
        text=text,
        sections=profile.sections,
    )


def _by_sentence(hits: list[SkillHit], sentences: list[Sentence]) -> list[list[SkillHit]]:
    grouped: list[list[SkillHit]] = [[] for _ in sentences]
    position = 0
    for hit in hits:
        while position < len(sentences):
            if hit.start < sentences[position].end:
                break
            position += 1
        if position < len(sentences) and sentences[position].start <= hit.start:
            grouped[position].append(hit)
    return grouped


def _quotes(sentences: tuple[Sentence, ...]) -> tuple[Evidence, ...]:
    return tuple(Evidence(s.text, s.start, s.end) for s in sentences)


def _flag_result(finding: Finding, kind: str) -> FlagResult:
    evidence = tuple(Evidence(s.text, s.start, s.end) for s in finding.evidence)
    return FlagResult(finding.flag, kind, evidence, finding.confidence)
