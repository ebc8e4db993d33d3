"""Find taxonomy aliases in text with one dictionary lookup per word start.

The matching rules are those of one big alternation (see :func:`alternation`):
aliases longest first, separators ``-``, ``_`` and space interchangeable or
absent, and no letter, ``+``, ``#``, ``.`` or ``@`` glued on either side. Trying
hundreds of alternatives at every character is slow, so each alias is filed
under the first four characters a match of it can begin with, and at each
word start only the few aliases filed under the text's next four are tried, in
the same order. The result is the same as ``alternation(...).finditer(text)``.
"""

from __future__ import annotations

import re

from hirekit.engines.screening.text_scan import word_char

_SEPARATORS = re.compile(r"[-_\s]+")
#: Aliases are filed under this many leading characters of a match. Four, not
#: three: common English openings ("con", "pro", "com") made most word starts
#: worth a lookup; with four, a resume has a handful.
OPENING = 4
_BEFORE = r"(?<![\w+#.@])"
# Under IGNORECASE these non-ASCII letters match ASCII ones ("\u212a" is K), so
# a word starting with one is checked against every alias.
_ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"  # and "\u0130".lower() is two characters


def alias_body(alias: str) -> str:
    """The regex for one alias, with its right-hand boundary."""
    pieces = [re.escape(p) for p in _SEPARATORS.split(alias)]
    body = r"[-_ ]?".join(pieces)
    # one- and two-letter tokens must not be glued to "-" or "&" ("R&D", "C-level").
    tail = r"(?![\w+#]|\.\w|[-&'\u2019]\w)" if len(alias) <= 2 else r"(?![\w+#]|\.\w)"
    return body + tail


def ordered(aliases: list[str]) -> list[str]:
    """Longest first, so "Django REST framework" wins over "Django"."""
    return sorted(set(aliases), key=lambda a: (-len(a), a))


def alternation(aliases: list[str], flags: int) -> re.Pattern[str]:
    """Every alias in one pattern: the reference behaviour of :class:`AliasMatcher`."""
    return re.compile(
        _BEFORE + "(?:" + "|".join(alias_body(a) for a in ordered(aliases)) + ")", flags
    )


def _openings(alias: str) -> set[str]:
    """The first :data:`OPENING` characters any match can have, or the whole
    match when it is shorter (then a non-word character must follow)."""
    found: set[str] = set()

    def grow(done: str, rest: list[str]) -> None:
        if len(done) >= OPENING or not rest:
            found.add(done[:OPENING])
            return
        for glue in ("", "-", "_", " "):
            grow(done + glue + rest[0], rest[1:])

    pieces = _SEPARATORS.split(alias)
    grow(pieces[0], pieces[1:])
    return found


class _Buckets:
    """One alternation split by opening; ``key`` is lower-cased when ignoring case."""

    def __init__(self, aliases: list[str], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        flags = re.IGNORECASE if ignore_case else 0
        self.everything = alternation(aliases, flags)
        filed: dict[str, list[str]] = {}
        for alias in ordered(aliases):
            for opening in _openings(alias):
                filed.setdefault(opening.lower() if ignore_case else opening, []).append(alias)
        # A key also admits the short aliases that are a prefix of it; merged in
        # global order so the first alternative that matches still wins.
        short = {key: names for key, names in filed.items() if len(key) < OPENING}
        rank = {alias: i for i, alias in enumerate(ordered(aliases))}
        self.patterns: dict[str, re.Pattern[str]] = {}
        for key, names in filed.items():
            shorter = [n for cut in range(1, len(key)) for n in short.get(key[:cut], [])]
            merged = sorted({*names, *shorter}, key=rank.__getitem__)
            body = "|".join(alias_body(a) for a in merged)
            self.patterns[key] = re.compile("(?:" + body + ")", flags)

    def at(self, text: str, lowered: str, at: int) -> re.Match[str] | None:
        key = (lowered if self.ignore_case else text)[at : at + OPENING]
        pattern = self.patterns.get(key)
        while pattern is None and len(key) > 1:
            key = key[:-1]
            pattern = self.patterns.get(key)
        return pattern.match(text, at) if pattern is not None else None


class AliasMatcher:
    """Matches of two alias lists, one matched ignoring case and one not.

    :meth:`find` returns, in order, the non-overlapping matches each list's
    alternation would give on its own (the two lists may overlap each other).
    """

    def __init__(self, plain: list[str], sensitive: list[str]) -> None:
        self._plain = _Buckets(plain, ignore_case=True)
        self._sensitive = _Buckets(sensitive, ignore_case=False)
        self._first, self._scan = _opening_scan([*self._plain.patterns, *self._sensitive.patterns])

    def find(self, text: str, lowered: str | None = None) -> list[re.Match[str]]:
        """``lowered`` is ``text.lower()`` when the caller already has it."""
        if _has_lookalike(text):
            # lower() would shift offsets, or case rules beyond ASCII apply.
            return [
                *self._plain.everything.finditer(text),
                *self._sensitive.everything.finditer(text),
            ]
        lowered = lowered if lowered is not None else text.lower()
        found: list[re.Match[str]] = []
        resume = [0, 0]
        # The scan's lead character is a non-word one in ASCII terms; a non-ASCII
        # letter before a word start (rare) disqualifies it, as in the reference.
        starts = [
            m.end()
            for m in self._scan.finditer(lowered)
            if m.group() < "\x80" or not word_char(m.group())
        ]
        if self._first.match(lowered):
            starts.insert(0, 0)
        for at in starts:
            for side, buckets in enumerate((self._plain, self._sensitive)):
                if at >= resume[side]:
                    match = buckets.at(text, lowered, at)
                    if match is not None:
                        resume[side] = match.end()
                        found.append(match)
        return found


def _has_lookalike(text: str) -> bool:
    return any(char in text for char in _ASCII_LOOKALIKES)


def _opening_scan(openings: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for word starts (in lower-cased text) where some opening follows:
    one for the start of the text, one whose match *ends* at each later word
    start. The latter begins with the non-word character before the word, so
    the engine skips through words without trying anything; openings are
    grouped by first character so most positions fail on one comparison. An
    alias shorter than an opening needs a non-word after it."""
    by_first: dict[str, set[str]] = {}
    for opening in openings:
        key = opening.lower()
        rest = re.escape(key[1:]) + (r"(?![\w+#])" if len(key) < OPENING else "")
        by_first.setdefault(re.escape(key[0]), set()).add(rest)
    branches = [first + "(?:" + "|".join(sorted(rests)) + ")" for first, rests in by_first.items()]
    ahead = "(?=" + "|".join(sorted(branches)) + ")"
    # ASCII ranges instead of \w: checking a byte map is much cheaper than asking
    # Unicode whether each character is alphanumeric (see the caller's filter).
    return re.compile(ahead), re.compile(r"[^0-9A-Za-z_+#.@]" + ahead)
