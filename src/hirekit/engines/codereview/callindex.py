"""A file's calls, indexed once so that each rule reads only the calls it can flag.

Most calls of a file (``len(x)``, ``db.Column(...)``) concern no rule. Rather
than every rule looping over every call, the calls are grouped once by callee
as written, by called name and by what they pass; each callee is resolved
through the imports once; a rule then asks for the calls to some canonical
names, of some names, or with keywords, and gets them in file order.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hirekit.engines.codereview.scan import Ctx

#: ``(call, context, callee as written, canonical callee)``
ResolvedCall = tuple[ast.Call, "Ctx", str | None, str | None]


class CallIndex:
    def __init__(
        self,
        calls: list[tuple[ast.Call, Ctx, str | None]],
        canon: Callable[[str | None], str | None],
    ) -> None:
        self.calls = calls
        by_callee: dict[str | None, list[int]] = {}
        by_name: dict[str, list[int]] = {}
        by_first_name: dict[str, list[int]] = {}
        keywords: list[int] = []
        text_first: list[int] = []
        name_kind, attr_kind, const_kind = ast.Name, ast.Attribute, ast.Constant
        for i, (call, _ctx, callee) in enumerate(calls):
            found = by_callee.get(callee)
            if found is None:
                by_callee[callee] = [i]
            else:
                found.append(i)
            func = call.func
            kind = func.__class__
            name = func.attr if kind is attr_kind else func.id if kind is name_kind else None  # type: ignore[attr-defined]
            if name is not None:
                by_name.setdefault(name, []).append(i)
            if call.keywords:
                keywords.append(i)
            args = call.args
            if args:
                first = args[0]
                if first.__class__ is name_kind:
                    by_first_name.setdefault(first.id, []).append(i)
                elif first.__class__ is const_kind and first.value.__class__ is str:
                    text_first.append(i)
        self._by_callee = by_callee
        self._by_name = by_name
        self._by_first_name = by_first_name
        self._keywords = keywords
        self._text_first = text_first
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

    def all(self) -> list[ResolvedCall]:
        return self._entries(range(len(self.calls)))

    def any_to(self, names: Collection[str]) -> bool:
        """Whether some call resolves to one of ``names``."""
        canonical = self.canonical
        return any(canonical[callee] in names for callee in self._by_callee)

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
