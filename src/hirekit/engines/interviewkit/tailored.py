"""Questions tailored to one candidate, drawn from their take-home findings and resume flags.

Each question says why it was suggested (the finding or flag behind it) and carries
the guide question's answer anchors when the guide has one for the topic.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from hirekit.engines.guide.model import Guide, Question


@dataclass(frozen=True)
class FindingEvidence:
    """A take-home review finding, reduced to what a question needs."""

    rule: str
    file: str = ""
    line: int = 0
    message: str = ""


@dataclass(frozen=True)
class TailoredQuestion:
    question: str
    topic: str
    because: tuple[str, ...]
    source: str  # "take-home" | "resume"
    evidence: tuple[str, ...]  # finding rule ids or flag ids
    guide_id: str = ""
    junior: str = ""
    senior: str = ""
    red_flag: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "topic": self.topic,
            "because": list(self.because),
            "source": self.source,
            "evidence": list(self.evidence),
            "guide_id": self.guide_id,
            "junior": self.junior,
            "senior": self.senior,
            "red_flag": self.red_flag,
        }


@dataclass(frozen=True)
class _Prompt:
    topic: str
    guide_id: str
    text: str  # may use {file} and {line}


#: take-home finding rule -> the question it prompts
FROM_FINDING: dict[str, _Prompt] = {
    "routes-in-one-module": _Prompt(
        "blueprints",
        "blueprints",
        "Every route sits in {file}. How would you split it into blueprints, and what "
        "would each one own?",
    ),
    "god-module": _Prompt(
        "app-structure", "structure-large-app", "How would you break {file} into smaller modules?"
    ),
    "no-tests": _Prompt(
        "testing",
        "testing-with-factory",
        "The take-home has no tests. How would you test it with the application factory, "
        "a test configuration and the test client?",
    ),
    "hardcoded-secret": _Prompt(
        "configuration",
        "secrets",
        "A secret is written into {file}:{line}. How do you manage configuration and "
        "secrets in development and in production?",
    ),
    "debug-run": _Prompt(
        "deployment",
        "deployment",
        "The app runs with debug on ({file}:{line}). How do you run and configure it in "
        "production?",
    ),
    "sql-string-format": _Prompt(
        "security",
        "injection-and-xss",
        "The query at {file}:{line} is built by string formatting. What can go wrong, and "
        "how would you write it?",
    ),
    "global-db-connection": _Prompt(
        "database",
        "database-connections",
        "A database connection is opened at import time ({file}:{line}). How should the "
        "app manage connections per request?",
    ),
    "no-error-handlers": _Prompt(
        "error-handling",
        "api-error-handling",
        "There are no error handlers. How would you make every error return one shape?",
    ),
    "csrf-disabled": _Prompt(
        "security",
        "csrf-protection",
        "CSRF protection is off ({file}:{line}). When, if ever, is that acceptable?",
    ),
}

#: resume yellow flag id -> the question it prompts
FROM_FLAG: dict[str, _Prompt] = {
    "no_testing": _Prompt(
        "testing",
        "testing-with-factory",
        "Your resume does not mention testing. How would you test a Flask app built with "
        "an application factory?",
    ),
    "no_structure": _Prompt(
        "app-structure",
        "structure-large-app",
        "How would you structure a Flask app that grows past a single module?",
    ),
    "no_extensions": _Prompt(
        "extensions",
        "choosing-extensions",
        "Which Flask extensions have you used, and how do you choose one?",
    ),
    "tutorial_only": _Prompt(
        "app-factory",
        "application-factory",
        "Beyond tutorials, how would you set up a real Flask project: factory, "
        "configuration, database?",
    ),
    "generic_python": _Prompt(
        "context-locals",
        "context-locals",
        "What is specific to Flask in how a request is handled, compared with plain Python?",
    ),
}


@dataclass
class _Collector:
    guide: Guide | None
    order: list[str] = field(default_factory=list)
    found: dict[str, TailoredQuestion] = field(default_factory=dict)

    def add(self, prompt: _Prompt, text: str, because: str, source: str, evidence: str) -> None:
        key = prompt.guide_id or prompt.topic
        seen = self.found.get(key)
        if seen is not None:
            # One question per guide question; further evidence only adds reasons.
            if because not in seen.because:
                self.found[key] = _with_reason(seen, because, evidence)
            return
        anchors = self._anchors(prompt.guide_id)
        self.order.append(key)
        self.found[key] = TailoredQuestion(
            question=text,
            topic=prompt.topic,
            because=(because,),
            source=source,
            evidence=(evidence,),
            guide_id=anchors.id if anchors else "",
            junior=anchors.junior if anchors else "",
            senior=anchors.senior if anchors else "",
            red_flag=anchors.red_flag if anchors else "",
        )

    def _anchors(self, guide_id: str) -> Question | None:
        if self.guide is None or not guide_id:
            return None
        try:
            return self.guide.question(guide_id)
        except KeyError:
            return None


def _with_reason(q: TailoredQuestion, because: str, evidence: str) -> TailoredQuestion:
    return TailoredQuestion(
        q.question,
        q.topic,
        (*q.because, because),
        q.source,
        (*q.evidence, evidence),
        q.guide_id,
        q.junior,
        q.senior,
        q.red_flag,
    )


def tailored_questions(
    findings: Sequence[FindingEvidence],
    yellow_flags: Sequence[str],
    guide: Guide | None = None,
) -> list[TailoredQuestion]:
    """Take-home questions first (in finding order), then resume ones; one per guide question.

    Findings and flags with no prompt are ignored: they suggest nothing to ask.
    """
    collector = _Collector(guide)
    for f in findings:
        prompt = FROM_FINDING.get(f.rule)
        if prompt is None:
            continue
        where = f"{f.file}:{f.line}" if f.file and f.line else f.file
        text = prompt.text.format(file=f.file or "one module", line=f.line)
        because = f"take-home finding {f.rule}" + (f" at {where}" if where else "")
        if f.message:
            because += f": {f.message}"
        collector.add(prompt, text, because, "take-home", f.rule)
    for flag in yellow_flags:
        prompt = FROM_FLAG.get(flag)
        if prompt is None:
            continue
        label = flag
        if guide is not None:
            with contextlib.suppress(KeyError):
                label = f"{flag} ({guide.flag(flag).label})"
        collector.add(prompt, prompt.text, f"resume yellow flag {label}", "resume", flag)
    return [collector.found[key] for key in collector.order]
