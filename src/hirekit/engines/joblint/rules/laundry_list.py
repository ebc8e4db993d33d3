"""laundry-list: more than a dozen distinct technologies required.

A wish list of every tool the company has ever touched reads as "nobody is
good enough" and turns away people who would learn the rest in weeks. Only
the requirements count: technologies under "nice to have", in a bonus line,
in the duties or in a "our stack" section do not.
"""

from __future__ import annotations

import itertools
import re

from hirekit.engines.joblint.issue import Issue
from hirekit.engines.joblint.rules.context import RuleContext
from hirekit.engines.joblint.text import Section, Segment
from hirekit.engines.joblint.vocabulary import technologies

RULE = "laundry-list"
#: More distinct required technologies than this is a laundry list.
MAX_REQUIRED_TECHNOLOGIES = 12


def _requirement_segments(ctx: RuleContext) -> list[Segment]:
    required = [s for s in ctx.doc.in_section(Section.REQUIRED) if not s.optional]
    if required:
        return required
    # With headings but no requirements heading, the list may be anywhere:
    # rather than guess, say nothing.
    if ctx.doc.has_headings:
        return []
    return [s for s in ctx.doc.segments if not s.optional]


# What may stand between two technologies of one run: commas, slashes,
# brackets, "or", "and/or" (and a closing bracket's comma).
_BETWEEN = re.compile(r"[\s,/()]*(?:(?:and/)?or\b[\s(]*)?")
_OR = re.compile(r"/|\bor\b", re.IGNORECASE)
# A run followed by these gives examples of one thing, not several demands.
_EXAMPLES_AFTER = re.compile(
    r"[\s,)]*(?:etc\b|or similar\b|or equivalent\b|\.\.\.|…)", re.IGNORECASE
)
# ...and so does a run introduced by these ("a broker such as Kafka, RabbitMQ").
_EXAMPLES_BEFORE = re.compile(
    r"(?:\be\.\s?g\.?|\bi\.\s?e\.?|\bsuch as|\bone of|\bany of|\blike|\bfor example"
    r"|\bfor instance|\bcomo|\bpor ejemplo|\bp\.\s?ex\.|\bz\.\s?B\.|\bwie)[\s:(]*\Z",
    re.IGNORECASE,
)
# From here on the segment only lists extras: "..., and optionally NoSQL (MongoDB, Redis)".
_OPTIONAL_TAIL = re.compile(r"\boptional(?:ly)?\b", re.IGNORECASE)

_Found = tuple[str, int, int]  # technology name, start, end (in the segment)


def _found_in(text: str) -> list[_Found]:
    tail = _OPTIONAL_TAIL.search(text)
    limit = tail.start() if tail else len(text)
    found = [
        (tech.name, m.start(), m.end())
        for tech in technologies()
        for m in tech.pattern.finditer(text, 0, limit)
    ]
    return sorted(found, key=lambda f: (f[1], -f[2]))


def _runs(text: str, found: list[_Found]) -> list[list[_Found]]:
    """Technologies written one after another ("FastAPI, Django, or Flask") form a run."""
    runs: list[list[_Found]] = []
    for item in found:
        if runs and item[1] >= runs[-1][-1][2]:
            gap = text[runs[-1][-1][2] : item[1]]
            if _BETWEEN.fullmatch(gap):
                runs[-1].append(item)
                continue
        if runs and item[1] < runs[-1][-1][2]:
            continue  # nested inside the previous match ("Flask" in "Flask-SQLAlchemy")
        runs.append([item])
    return runs


def _is_one_demand(text: str, run: list[_Found], before: str) -> bool:
    """A run of alternatives ("A, B, or C", "A/B", "one of A, B") or examples ("A, B,
    etc.", "e.g. A, B", "such as A, B") asks for one thing."""
    if len({name for name, _, _ in run}) < 2:
        return False
    gaps = (text[a[2] : b[1]] for a, b in itertools.pairwise(run))
    if any(_OR.search(gap) for gap in gaps) or _EXAMPLES_AFTER.match(text, run[-1][2]):
        return True
    # ``before``: the words just ahead of the run, read across sentence breaks
    # ("e.g." ends a segment of its own).
    return bool(_EXAMPLES_BEFORE.search(before))


def _demands(ctx: RuleContext) -> tuple[dict[str, tuple[int, int]], int]:
    """Where each required technology first appears, and how many demands they make.

    Alternatives and examples count once: "FastAPI, Django, or Flask" is one
    demand (a Python web framework), not three.
    """
    first: dict[str, tuple[int, int]] = {}
    alternatives: list[set[str]] = []
    for segment in _requirement_segments(ctx):
        for run in _runs(segment.text, _found_in(segment.text)):
            for name, a, b in run:
                span = (segment.start + a, segment.start + b)
                if name not in first or span < first[name]:
                    first[name] = span
            at = segment.start + run[0][1]
            if _is_one_demand(segment.text, run, ctx.post.text[max(0, at - 30) : at]):
                alternatives.append({name for name, _, _ in run})
    plain = set(first) - {name for group in alternatives for name in group}
    count = len(plain)
    covered: set[str] = set()
    for group in alternatives:
        if not group & covered:
            count += 1
        covered |= group
    return first, count


def check(ctx: RuleContext) -> list[Issue]:
    first, count = _demands(ctx)
    if count <= MAX_REQUIRED_TECHNOLOGIES:
        return []
    start = min(a for a, _ in first.values())
    end = max(b for _, b in first.values())
    names = sorted(first, key=lambda name: first[name])
    return [
        ctx.quoted(
            RULE,
            start,
            end,
            f"Requires {count} distinct technologies ({', '.join(names)}); a list this "
            "long reads as a wish list and turns away people who would pick up the rest "
            "on the job.",
            f"Keep the {MAX_REQUIRED_TECHNOLOGIES // 2} or so the work really needs as "
            "requirements and move the others to a nice-to-have list.",
        ),
    ]
