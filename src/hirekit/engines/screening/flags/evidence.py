"""What a flag family returns, and the shared view of one resume that it reads."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from hirekit.engines.screening.flags.negation import negated
from hirekit.engines.screening.sections import SectionIndex
from hirekit.engines.screening.sentences import Sentence
from hirekit.engines.screening.skills import SkillHit
from hirekit.engines.screening.text_scan import occurrences
from hirekit.engines.screening.word_starts import StartScan


@dataclass(frozen=True)
class Finding:
    """A raised flag: evidence sentences and how sure we are ("high" or "medium")."""

    flag: str
    evidence: tuple[Sentence, ...]
    confidence: str = "high"


# Case-insensitive patterns also accept these for ASCII letters ("\u212a" is K),
# and "\u0130".lower() is two characters; text holding any skips the word hints.
_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")


@dataclass
class ResumeView:
    """Sentences with their section and skills, computed once for every flag family.

    Flag families ask for the few sentences that can matter (those with skills,
    those holding a hint word) rather than walking every sentence.
    """

    text: str
    sentences: list[Sentence]
    section_index: SectionIndex  # which section an offset is in
    skills: list[list[SkillHit]]  # skill hits per sentence
    lowered: str | None = None  # ``text.lower()``, computed when not given
    raised: dict[str, Finding] = field(default_factory=dict)
    _claimed: dict[int, set[str]] = field(default_factory=dict, repr=False)
    _where: dict[re.Pattern[str] | StartScan, dict[int, None]] = field(
        default_factory=dict, repr=False
    )
    _hints: dict[str, bool] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.lowered is None:
            self.lowered = self.text.lower()
        self._starts = [s.start for s in self.sentences]
        self._plain_hints = len(self.lowered) == len(self.text) and not any(
            c in self.text for c in _LOOKALIKES
        )
        self.with_skills = [i for i, hits in enumerate(self.skills) if hits]
        self.flask = [
            i
            for i in self.with_skills
            if self.claimed(i, name="Flask") or self.claimed(i, category="flask-extension")
        ]

    def has(self, hints: tuple[str, ...]) -> bool:
        """False only when no lower-cased hint occurs, so no pattern needing one can match."""
        return not self._plain_hints or any(map(self._holds, hints))

    def _holds(self, hint: str) -> bool:
        """Whether the lower-cased text holds ``hint``: several patterns share hints
        ("api", "service"), and a hint that is absent costs a scan of the whole text."""
        held = self._hints.get(hint)
        if held is None:
            assert self.lowered is not None
            held = self._hints[hint] = hint in self.lowered
        return held

    def sentences_with(self, hints: tuple[str, ...], exact: tuple[str, ...] = ()) -> list[int]:
        """Ordered indices of the sentences that contain a hint (every sentence
        when hints cannot be trusted for this text). ``exact``: more hints, looked
        for in the text as written ("REST", not every "interest")."""
        if not self._plain_hints:
            return list(range(len(self.sentences)))
        assert self.lowered is not None
        found: set[int] = set()
        for source, needles in ((self.lowered, hints), (self.text, exact)):
            for hint in needles:
                self._file(source, hint, found)
        return sorted(found)

    def _file(self, source: str, hint: str, found: set[int]) -> None:
        """Add the sentences where ``hint`` occurs in ``source`` to ``found``."""
        for at in occurrences(source, hint):
            index = bisect_right(self._starts, at) - 1
            if index >= 0 and at + len(hint) <= self.sentences[index].end:
                found.add(index)

    def section(self, index: int) -> str | None:
        """The section sentence ``index`` is in (``None`` before the first heading)."""
        return self.section_index.at(self._starts[index])

    def in_list(self, index: int) -> bool:
        """A skills-list line rather than prose about work done."""
        if self.section(index) == "skills":
            return True
        sentence = self.sentences[index].text
        return sentence.count(",") >= 3 and len(sentence.split()) <= 3 * sentence.count(",") + 4

    def claims(self, index: int, hit: SkillHit) -> bool:
        """The skill is asserted, not negated or only wished for."""
        sentence = self.sentences[index]
        return not negated(sentence.text, hit.start - sentence.start)

    def claimed(self, index: int, category: str | None = None, name: str | None = None) -> bool:
        """Sentence ``index`` asserts a skill of that name and/or category."""
        keys = self._claimed.get(index)
        if keys is None:
            hits = self.skills[index]
            keys = {k for h in hits if self.claims(index, h) for k in (h.name, "@" + h.category)}
            self._claimed[index] = keys
        return (name is None or name in keys) and (category is None or "@" + category in keys)

    def where(
        self, pattern: re.Pattern[str] | StartScan, hints: tuple[str, ...] = ()
    ) -> dict[int, None]:
        """Sentences (ordered indices) where ``pattern`` may match, from one scan of the
        text; callers confirm with :meth:`matches`, which also applies negation.

        ``hints``: lower-cased words one of which every match contains; without
        any in the text the scan is skipped.
        """
        if pattern not in self._where:
            found: dict[int, None] = {}
            if not hints or self.has(hints):
                assert self.lowered is not None
                if isinstance(pattern, StartScan):
                    matches = pattern.finditer(self.text, self.lowered)
                else:
                    matches = list(pattern.finditer(self.text))
                for match in matches:
                    position = bisect_right(self._starts, match.start()) - 1
                    if position >= 0:
                        found[position] = None
            self._where[pattern] = found
        return self._where[pattern]

    def matches(self, index: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """First non-negated match of ``pattern`` in sentence ``index``."""
        sentence = self.sentences[index].text
        for match in pattern.finditer(sentence):
            if not negated(sentence, match.start()):
                return match
        return None

    def flask_near(self, index: int, before: int = 3) -> bool:
        """Flask (or an extension) claimed here or a few sentences earlier in the section."""
        for j in range(index, max(index - before, 0) - 1, -1):
            if self.section(j) != self.section(index):
                break
            if self.claimed(j, name="Flask") or self.claimed(j, category="flask-extension"):
                return True
        return False


def finding(flag: str, hits: list[tuple[int, bool]], view: ResumeView) -> Finding | None:
    """Build a finding from (sentence index, strong?) pairs; medium if none is strong."""
    if not hits:
        return None
    evidence = tuple(dict.fromkeys(view.sentences[i] for i, _ in hits))[:5]
    confidence = "high" if any(strong for _, strong in hits) else "medium"
    return Finding(flag, evidence, confidence)
