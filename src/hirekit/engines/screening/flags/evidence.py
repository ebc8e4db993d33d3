"""What a flag family returns, and the shared view of one resume that it reads."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from hirekit.engines.screening.flags.negation import negated
from hirekit.engines.screening.sentences import Sentence
from hirekit.engines.screening.skills import SkillHit


@dataclass(frozen=True)
class Finding:
    """A raised flag: evidence sentences and how sure we are ("high" or "medium")."""

    flag: str
    evidence: tuple[Sentence, ...]
    confidence: str = "high"


@dataclass
class ResumeView:
    """Sentences with their section and skills, computed once for every flag family."""

    text: str
    sentences: list[Sentence]
    sections: list[str | None]  # section name per sentence
    skills: list[list[SkillHit]]  # skill hits per sentence
    raised: dict[str, Finding] = field(default_factory=dict)
    _claimed: list[set[str]] | None = field(default=None, repr=False)
    _where: dict[re.Pattern[str], dict[int, None]] = field(default_factory=dict, repr=False)

    def in_list(self, index: int) -> bool:
        """A skills-list line rather than prose about work done."""
        if self.sections[index] == "skills":
            return True
        sentence = self.sentences[index].text
        return sentence.count(",") >= 3 and len(sentence.split()) <= 3 * sentence.count(",") + 4

    def claims(self, index: int, hit: SkillHit) -> bool:
        """The skill is asserted, not negated or only wished for."""
        sentence = self.sentences[index]
        return not negated(sentence.text, hit.start - sentence.start)

    def claimed(self, index: int, category: str | None = None, name: str | None = None) -> bool:
        """Sentence ``index`` asserts a skill of that name and/or category."""
        if self._claimed is None:
            self._claimed = [
                {key for h in hits if self.claims(i, h) for key in (h.name, "@" + h.category)}
                for i, hits in enumerate(self.skills)
            ]
        keys = self._claimed[index]
        return (name is None or name in keys) and (category is None or "@" + category in keys)

    def where(self, pattern: re.Pattern[str]) -> dict[int, None]:
        """Sentences (ordered indices) where ``pattern`` may match, from one scan of the
        text; callers confirm with :meth:`matches`, which also applies negation."""
        if pattern not in self._where:
            starts = [s.start for s in self.sentences]
            found: dict[int, None] = {}
            for match in pattern.finditer(self.text):
                position = bisect_right(starts, match.start()) - 1
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
            if self.sections[j] != self.sections[index]:
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
