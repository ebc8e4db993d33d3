"""laundry-list: more than a dozen distinct technologies required.

A wish list of every tool the company has ever touched reads as "nobody is
good enough" and turns away people who would learn the rest in weeks. Only
the requirements count: technologies under "nice to have", in a bonus line,
in the duties or in a "our stack" section do not.
"""

from __future__ import annotations

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


def check(ctx: RuleContext) -> list[Issue]:
    first: dict[str, tuple[int, int]] = {}
    for segment in _requirement_segments(ctx):
        for tech in technologies():
            for match in tech.pattern.finditer(segment.text):
                span = (segment.start + match.start(), segment.start + match.end())
                if tech.name not in first or span < first[tech.name]:
                    first[tech.name] = span
    if len(first) <= MAX_REQUIRED_TECHNOLOGIES:
        return []
    start = min(a for a, _ in first.values())
    end = max(b for _, b in first.values())
    names = sorted(first, key=lambda name: first[name])
    return [
        ctx.quoted(
            RULE,
            start,
            end,
            f"Requires {len(names)} distinct technologies ({', '.join(names)}); a list this "
            "long reads as a wish list and turns away people who would pick up the rest "
            "on the job.",
            f"Keep the {MAX_REQUIRED_TECHNOLOGIES // 2} or so the work really needs as "
            "requirements and move the others to a nice-to-have list.",
        ),
    ]
