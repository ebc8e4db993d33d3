"""exclusionary-wording: gendered, age-coded or exclusionary words, with a neutral rewrite.

Precision over recall: whole words only, names excluded ("Ninja Forms",
"Rockstar Games"), "recent graduate" only as a condition, and "he will" not
when the post is talking about a named person such as "our CTO".
"""

from __future__ import annotations

import re

from hirekit.engines.joblint.issue import Issue
from hirekit.engines.joblint.rules.context import RuleContext
from hirekit.engines.joblint.vocabulary import Wording, wording

RULE = "exclusionary-wording"

_NEXT_WORD = re.compile(r"[\s/-]+([A-Za-z]+)")  # "his/her": "/" joins words too
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]+$")
_CONDITION = re.compile(
    r"\b(?:must|required|requirement|only|should be|need to be|needs to be|you are|you're"
    r"|ideal candidate is|we are looking for|we're looking for|we want|looking for a)\b",
    re.IGNORECASE,
)
_INVITATION = re.compile(
    r"\b(?:welcome|encourage\w*|also|including|as well as|or experienced|all levels"
    r"|regardless|no matter|whether)\b",
    re.IGNORECASE,
)
_NAMED_PERSON = re.compile(
    r"\b(?:CTO|CEO|CPO|COO|VP|founder|co-founder|manager|lead|head of|director|mentor|boss"
    r"|colleague|engineer named)\b|\b(?:Mr|Dr)\.?\s+[A-Z]",
)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    return a, min(ends) if ends else len(text)


def _excluded(entry: Wording, text: str, start: int, end: int) -> bool:
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).lower() in entry.not_before:
        return True
    before = _PREV_WORD.search(text[max(0, start - 40) : start])
    if before and before.group(1).lower() in entry.not_after:
        return True
    a, b = _sentence_around(text, start, end)
    if entry.only_if_required:
        sentence = text[a:b]
        return not _CONDITION.search(sentence) or bool(_INVITATION.search(sentence))
    if entry.person_pronoun:
        # Look back over this sentence and the one before it for whom "he" means.
        prev_a, _ = _sentence_around(text, max(0, a - 2), max(0, a - 2))
        return bool(_NAMED_PERSON.search(text[prev_a:end]))
    return False


def check(ctx: RuleContext) -> list[Issue]:
    text = ctx.post.text
    issues: list[Issue] = []
    taken: list[tuple[int, int]] = []
    for entry in wording():
        for match in entry.pattern.finditer(text):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if _excluded(entry, text, start, end):
                continue
            taken.append((start, end))
            issues.append(
                ctx.quoted(
                    RULE,
                    start,
                    end,
                    f'"{match.group(0)}" is {entry.kind} wording: {entry.why}.',
                    f'Use "{entry.alternative}" instead, or drop it.',
                ),
            )
    return issues
