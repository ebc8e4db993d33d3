"""A file's calls, indexed once so that each rule reads only the calls it can flag.

Most calls of a file (``len(x)``, ``db.Column(...)``) concern no rule. Rather
than every rule looping over every call, the pass groups the calls by callee
as written and by what they pass, the index by called name; each callee is resolved
through the imports once; a rule then asks for the calls to some canonical
names, of some names, or with keywords, and gets them in file order.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hirekit.engines.codereview.scan import Ctx, Scan

#: ``(call, context, callee as written, canonical callee)``
ResolvedCall = tuple[ast.Call, "Ctx", str | None, str | None]


class CallIndex:
    def __init__(self, scan: Scan, canon: Callable[[str | None], str | None]) -> None:
        self.calls = calls = scan.calls
        by_callee = scan.calls_by_callee
        by_name: dict[str, list[int]] = {}
        for callee, found in by_callee.items():
            if callee is not None:
                by_name.setdefault(callee.rpartition(".")[2], []).extend(found)
        for i in by_callee.get(None, ()):
            func = calls[i][0].func  # not a dotted name: ``f().g(...)``, ``x[0](...)``
            if isinstance(func, ast.Attribute):
                by_name.setdefault(func.attr, []).append(i)
        self._by_callee = by_callee
        self._by_name = by_name
        self._by_first_name = scan.first_names
        self._keywords = scan.keyword_calls
        self._text_first = scan.text_first
        self.canonical = {callee: canon(callee) for callee in by_callee}

    def _entries(self, indices: Iterable[int]) -> list[ResolvedCall]:
        calls, canonical = self.calls, self.canonical
        out = []
        for i in indices:
            call, ctx, callee = calls[i]
            out.append((call, ctx, callee, canonical[callee]))
        return out

    def _to(self, names: Collection[str]) -> list[int]:
        canonical = self.canonical
        return [
            i
            for callee, found in self._by_callee.items()
            if canonical[callee] in names
            for i in found
        ]

    def _named(self, names: Iterable[str]) -> list[int]:
        by_name = self._by_name
        return [i for name in names for i in by_name.get(name, ())]

    def any_to(self, names: Collection[str]) -> bool:
        """Whether some call resolves to one of ``names``."""
        canonical = self.canonical
        return any(canonical[callee] in names for callee in self._by_callee)

    def passing_text(self) -> list[tuple[ast.Call, str | None]]:
        """``(call, callee)`` of every call passing a string first, in file order."""
        calls = self.calls
        return [(calls[i][0], calls[i][2]) for i in self._text_first]

    def select(
        self,
        to: Collection[str] = (),
        named: Iterable[str] = (),
        first_named: Iterable[str] = (),
        keywords: bool = False,
        text_first: bool = False,
    ) -> list[ResolvedCall]:
        """In file order, every call that resolves to one of ``to``, is called by one of
        the names ``named`` (``f(...)`` or ``x.f(...)``), passes one of ``first_named``
        as a name first, has keyword arguments, or passes a string first."""
        picked: set[int] = set(self._to(to)) if to else set()
        picked.update(self._named(named))
        by_first = self._by_first_name
        picked.update(i for name in first_named for i in by_first.get(name, ()))
        if keywords:
            picked.update(self._keywords)
        if text_first:
            picked.update(self._text_first)
        return self._entries(sorted(picked))
