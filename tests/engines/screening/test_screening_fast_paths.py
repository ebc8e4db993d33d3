"""The profile's fast paths find exactly what the plain regex scans find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.engines.screening import profile
from hirekit.engines.screening.sections import _HEADING_LINE as HEADING_LINE
from hirekit.engines.screening.sections import _LOOKUP, find_sections

PIECES = st.sampled_from(
    ["a", "b.", "@", "_", "-", "+", " ", "\n", "x1", "é", "http://", "https://w", "www.",
     "github.com/", "GitHub.com/x", "linkedin.com/in/", "@ex.io", "ada@example.com", "(", ")",
     ",", ";", "|", "Www.", "HTTP://", "mail:"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_first_email_is_the_regex_search(text: str) -> None:
    plain = profile.EMAIL.search(text)
    fast = profile.first_email(text)
    assert (plain and plain.span()) == (fast and fast.span())


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_links_are_the_regex_matches(text: str) -> None:
    plain = list(dict.fromkeys(m.group().rstrip(".:") for m in profile.URL.finditer(text)))
    assert list(profile.find_links(text)) == plain


# Headings are matched from the line break before them; this is the plain form.
MULTILINE_HEADING = re.compile(r"^[ \t#*•\-]*+([A-Za-z][A-Za-z &/]{2,40}+)[ \t]*:?[ \t]*$", re.M)
LINES = st.lists(
    st.sampled_from(
        ["Skills", "EXPERIENCE:", "  # Projects ", "- Education\t", "Work & history", "Tools",
         "Built APIs", "x", "", " ", "\t", "Skills \r", "Languages:", "a/b c", "é", "12"]
    ),
    max_size=12,
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(LINES, st.sampled_from(["\n", "\n\n", "\r\n", "\u2028"]))
def test_headings_are_the_multiline_matches(lines: list[str], glue: str) -> None:
    text = glue.join(lines)
    plain = [(m.start(), m.group(1)) for m in MULTILINE_HEADING.finditer(text)]
    # In "\n" + text, a match starting at i is the line starting at i in text.
    assert [(m.start(), m.group(1)) for m in HEADING_LINE.finditer("\n" + text)] == plain
    assert [s.start for s in find_sections(text)] == [
        start for start, title in plain if _LOOKUP.get(title.replace("&", "and").strip().lower())
    ]
