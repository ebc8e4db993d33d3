"""Negations and intentions: "no experience with Flask" is not Flask experience."""

from __future__ import annotations

import re

# A cue switches a claim off from the cue to the end of the sentence, unless a
# contrast word ("but", "however") starts a new claim in between.
_CUES = re.compile(
    r"\b(?:no|not|never|without|lack(?:s|ing)?|none|zero|"
    r"(?:would\s+like|want|wants|wanting|hope|hoping|plan|planning|intend|aim|aiming|"
    r"eager|keen|looking\s+forward|excited|wish(?:es)?(?:\s+is)?)\s+to|"
    # A role sought is not a role held: "seeking a first role as a Python developer".
    r"(?:seeking|looking\s+for|to\s+obtain)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}?(?:role|position|job)\s+as|"
    r"to\s+(?:work|serve|grow)\s+as|to\s+become|"
    r"interested\s+in|(?:currently|now|am|still|started)\s+learning|learning\s+(?:to|how)|willing\s+to\s+learn|aspir\w*|"
    r"familiar\s+with\s+the\s+(?:concepts?|idea|basics)|heard\s+of|"
    r"basic\s+(?:understanding|awareness|knowledge)|exposure\s+to\s+the\s+concept|"
    r"(?:do|does|did|have|has)n[\u2019']t|(?:can|could)n[\u2019']?t|unfamiliar)\b"
    # A label announcing plans: "Next: 90% test coverage" is not done yet.
    r"|\b(?:next(?:\s+steps?)?|future\s+work|planned|roadmap)\W{0,3}:",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\b(?:but|however|though|although|yet|whereas|while)\b|;", re.I)


def negated(sentence: str, at: int) -> bool:
    """True when the term at offset ``at`` of ``sentence`` is denied or only hoped for."""
    before = sentence[:at]
    last_cue = None
    for cue in _CUES.finditer(before):
        last_cue = cue
    if last_cue is None:
        return False
    return _CONTRAST.search(before, last_cue.end()) is None
