"""Name resolution across the project's own modules.

A name used in one module is followed through ``import``/``from ... import``
(including re-exports in ``__init__.py``) to where it is defined, so
``from .ext import db``, ``import flask as fl`` and ``from app import app`` all
resolve to one canonical dotted name.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable

from hirekit.engines.codereview.facts import FileFacts

#: Top-level packages that are never the project's own, whatever its layout.
EXTERNAL_TOPS = frozenset(sys.stdlib_module_names) | {
    "flask",
    "quart",
    "apiflask",
    "werkzeug",
    "jinja2",
    "markupsafe",
    "sqlalchemy",
    "click",
}
MAX_HOPS = 12


class ProjectIndex:
    def __init__(self, facts: Iterable[FileFacts]) -> None:
        self.modules: dict[str, FileFacts] = {}
        for f in facts:
            if f.parse_error is None and f.module:
                self.modules.setdefault(f.module, f)
        self._suffixes: dict[str, list[str]] = defaultdict(list)
        for name in self.modules:
            parts = name.split(".")
            for i in range(1, len(parts)):
                self._suffixes[".".join(parts[i:])].append(name)
        self._defined: dict[str, set[str]] = {}
        #: (module, name) -> canonical name: the model asks the same few names many times
        self._canonical: dict[tuple[str, str], str] = {}

    def find_module(self, name: str, importer: str = "") -> str | None:
        """The project module ``name`` refers to, allowing for a run-from-subfolder layout."""
        if name in self.modules:
            return name
        top = name.split(".", 1)[0]
        if top in EXTERNAL_TOPS or top.startswith("flask_"):
            return None
        candidates = self._suffixes.get(name)
        if not candidates:
            return None
        # Prefer the candidate living closest to the importing module.
        return max(candidates, key=lambda c: (_shared_prefix(c, importer), -len(c)))

    def defined(self, module: str) -> set[str]:
        cached = self._defined.get(module)
        if cached is None:
            f = self.modules[module]
            cached = {c.target for c in f.ctors if c.func is None and c.target}
            cached |= {c.name for c in f.classes}
            cached |= {fn.qualname for fn in f.funcs if "." not in fn.qualname}
            self._defined[module] = cached
        return cached

    def canonical(self, module: str, name: str) -> str:
        """Canonical dotted name of ``name`` as written in ``module``."""
        key = (module, name)
        found = self._canonical.get(key)
        if found is None:
            found = self._canonical[key] = self._resolve(module, name)
        return found

    def _resolve(self, module: str, name: str) -> str:
        facts = self.modules.get(module)
        if facts is None:
            return name
        head, _, rest = name.partition(".")
        target = facts.imports.get(head)
        if target is None:
            if head in facts.aliases:
                return self.follow(f"{module}.{name}", module)
            return f"{module}.{name}" if head in self.defined(module) else name
        full = f"{target}.{rest}" if rest else target
        return self.follow(full, module)

    def follow(self, full: str, importer: str = "", hops: int = 0) -> str:
        """Follow a dotted name into project modules and through their re-exports."""
        parts = full.split(".")
        for i in range(len(parts), 0, -1):
            mod = self.find_module(".".join(parts[:i]), importer)
            if mod is None:
                continue
            if i == len(parts):
                return mod
            attr, rest = parts[i], parts[i + 1 :]
            target = self.modules[mod].imports.get(attr)
            if target is not None and hops < MAX_HOPS:
                return self.follow(".".join([target, *rest]), mod, hops + 1)
            alias = self.modules[mod].aliases.get(attr)
            if alias is not None and hops < MAX_HOPS:
                # ``WebAdmin = WebUI``: the alias names what the module's own name names
                head, _, tail = alias.partition(".")
                imported = self.modules[mod].imports.get(head)
                base = imported if imported is not None else f"{mod}.{head}"
                start = f"{base}.{tail}" if tail else base
                return self.follow(".".join([start, *rest]), mod, hops + 1)
            return ".".join([mod, attr, *rest])
        return full


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a.split("."), b.split("."), strict=False):
        if x != y:
            break
        n += 1
    return n
