"""The debrief in plain words: one sentence built from the figures, which stay one
click away on the page ("Panel leans hire; two interviewers disagree on API design")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hirekit.interviews.choices import Recommendation

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_FOR = {Recommendation.YES.value, Recommendation.STRONG_YES.value}
_AGAINST = {Recommendation.NO.value, Recommendation.STRONG_NO.value}


def number(n: int) -> str:
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def listing(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class Disagreement:
    """One item rated 2+ points apart: its short label and how many rated it."""

    label: str
    raters: int


def lean(recommendations: Sequence[str]) -> str:
    """Which way the submitted recommendations point, in words."""
    yes = sum(r in _FOR for r in recommendations)
    no = sum(r in _AGAINST for r in recommendations)
    total = yes + no
    if total == 0:
        return "No recommendation is in yet"
    if yes == total:
        strong = all(r == Recommendation.STRONG_YES.value for r in recommendations if r)
        return "Panel is strongly for hiring" if strong else "Panel leans hire"
    if no == total:
        strong = all(r == Recommendation.STRONG_NO.value for r in recommendations if r)
        return "Panel is strongly against hiring" if strong else "Panel leans no hire"
    if yes > no:
        return f"Panel leans hire ({yes} of {total} for)"
    if no > yes:
        return f"Panel leans no hire ({no} of {total} against)"
    return f"Panel is split ({yes} for, {no} against)"


def summary(
    recommendations: Sequence[str],
    disagreements: Sequence[Disagreement],
    waiting_for: Sequence[str],
    level: str = "",
    confidence: str = "",
) -> str:
    """One plain sentence (or two) from the debrief's figures."""
    parts = [lean(recommendations)]
    if len(disagreements) == 1:
        d = disagreements[0]
        who = f"{number(d.raters)} interviewers" if d.raters == 2 else "interviewers"
        parts.append(f"{who} disagree on {d.label}")
    elif disagreements:
        labels = list(dict.fromkeys(d.label for d in disagreements))
        parts.append("interviewers disagree on " + listing(labels))
    if waiting_for:
        noun = "scorecard" if len(waiting_for) == 1 else "scorecards"
        parts.append(
            f"still waiting for {number(len(waiting_for))} {noun} ({listing(waiting_for)})"
        )
    sentence = "; ".join(parts) + "."
    if level:
        sentence += f" The ratings point to {level} level, with {confidence} confidence."
    return sentence


def short_label(text: str, topic: str = "") -> str:
    """What a question is about, short enough for a sentence: its topic, else its text."""
    if topic:
        return topic.replace("-", " ").replace("_", " ")
    text = " ".join(text.split())
    return f"“{text[:57]}…”" if len(text) > 60 else f"“{text}”"
