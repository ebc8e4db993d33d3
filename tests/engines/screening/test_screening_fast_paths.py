"""The profile's fast paths find exactly what the plain regex scans find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hirekit.engines.screening import profile

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
