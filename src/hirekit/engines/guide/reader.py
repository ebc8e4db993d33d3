"""Path-aware, typed reading of one TOML table, for guide validation.

Every read knows the dotted field path it came from, so a problem in a guide
file is reported as ``<file>: <path>: <problem>`` and the author can go
straight to the line to fix.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Collection, Iterator, Mapping
from typing import Any

KEBAB_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SNAKE_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


class GuideError(ValueError):
    """A guide file is unreadable or breaks the guide schema.

    Errors found in a file are built with :meth:`at`, so ``str(error)`` is
    ``"<source>: <path>: <problem>"``, e.g. ``"flask.toml: questions[3].junior:
    missing"``, and the parts stay available as attributes; ``path`` is empty
    for problems with the file as a whole. Callers may also raise it with a
    plain message.
    """

    def __init__(
        self, message: str, *, source: str = "", path: str = "", problem: str = ""
    ) -> None:
        super().__init__(message)
        self.source = source
        self.path = path
        self.problem = problem or message

    @classmethod
    def at(cls, source: str, path: str, problem: str) -> GuideError:
        where = f"{source}: {path}" if path else source
        return cls(f"{where}: {problem}", source=source, path=path, problem=problem)


def _type_name(value: object) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}
    names[dict] = "table"
    return names.get(type(value), type(value).__name__)


def keys_of(cls: type[Any], *, derived: Collection[str] = ()) -> frozenset[str]:
    """The TOML keys that build dataclass ``cls``: its field names minus ``derived``
    ones, which the loader fills in itself (a flag's kind, a use case's slug)."""
    return frozenset(f.name for f in dataclasses.fields(cls)) - set(derived)


class Table:
    """One TOML table at ``path`` inside ``source``, read with type checks.

    Construction rejects keys outside ``allowed`` before anything is read, so a
    misspelt optional key is reported as unknown instead of silently ignored,
    and a misspelt required key as unknown rather than as merely missing.
    """

    def __init__(
        self, data: object, source: str, path: str, allowed: Collection[str] | None = None
    ) -> None:
        self.source = source
        self.path = path
        if not isinstance(data, Mapping):
            raise self.error(f"expected a table, got {_type_name(data)}", path)
        self.data: Mapping[str, Any] = data
        if allowed is not None:
            for key in data:
                if key not in allowed:
                    raise self.error(_unknown_key(key, allowed), self.child(key))

    def child(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, problem: str, path: str | None = None) -> GuideError:
        return GuideError.at(self.source, self.path if path is None else path, problem)

    def _get(self, key: str) -> object:
        if key not in self.data:
            raise self.error("missing", self.child(key))
        return self.data[key]

    def text(self, key: str, default: str | None = None) -> str:
        """A non-blank string, stripped; ``default`` makes the key optional."""
        if default is not None and key not in self.data:
            return default
        return self._text(self._get(key), self.child(key))

    def _text(self, value: object, path: str) -> str:
        if not isinstance(value, str):
            raise self.error(f"expected a string, got {_type_name(value)}", path)
        if not value.strip():
            raise self.error("must not be empty", path)
        return value.strip()

    def ident(self, key: str, pattern: re.Pattern[str], style: str) -> str:
        value = self.text(key)
        if not pattern.match(value):
            raise self.error(f"{value!r} is not a {style} id", self.child(key))
        return value

    def choice(self, key: str, options: Collection[str]) -> str:
        value = self.text(key)
        if value not in options:
            allowed = ", ".join(options)
            raise self.error(f"{value!r} is not one of: {allowed}", self.child(key))
        return value

    def integer(self, key: str, *, minimum: int = 0) -> int:
        value = self._get(key)
        # bool is an int subclass; `true` for a salary is a typo, not a number
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(f"expected an integer, got {_type_name(value)}", self.child(key))
        if value < minimum:
            raise self.error(f"must be at least {minimum}", self.child(key))
        return value

    def number(self, key: str) -> float:
        value = self._get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.error(f"expected a number, got {_type_name(value)}", self.child(key))
        return float(value)

    def texts(self, key: str, *, optional: bool = False) -> tuple[str, ...]:
        """A non-empty array of non-blank strings (may be absent or empty if
        ``optional``); repeated entries are rejected."""
        if optional and key not in self.data:
            return ()
        value = self._get(key)
        path = self.child(key)
        if not isinstance(value, list):
            raise self.error(f"expected an array of strings, got {_type_name(value)}", path)
        if not value and not optional:
            raise self.error("must not be empty", path)
        items = tuple(self._text(item, f"{path}[{i}]") for i, item in enumerate(value))
        for i, item in enumerate(items):
            if item in items[:i]:
                raise self.error(f"duplicate entry {item!r}", f"{path}[{i}]")
        return items

    def table(self, key: str, allowed: Collection[str] | None = None) -> Table:
        return Table(self._get(key), self.source, self.child(key), allowed)

    def tables(
        self, key: str, allowed: Collection[str], *, optional: bool = False
    ) -> Iterator[Table]:
        """The entries of an array of tables (``[[key]]``), in file order."""
        if optional and key not in self.data:
            return
        value = self._get(key)
        path = self.child(key)
        if not isinstance(value, list):
            raise self.error(f"expected an array of tables, got {_type_name(value)}", path)
        if not value and not optional:
            raise self.error("must not be empty", path)
        for i, item in enumerate(value):
            yield Table(item, self.source, f"{path}[{i}]", allowed)


def _unknown_key(key: str, allowed: Collection[str]) -> str:
    close = difflib.get_close_matches(key, sorted(allowed), n=1)
    return f"unknown key (did you mean {close[0]!r}?)" if close else "unknown key"


def require_unique(source: str, entries: list[tuple[str, str]], what: str) -> None:
    """Reject repeated values; ``entries`` are ``(path, value)`` pairs, and the
    error points at the second occurrence, naming the first."""
    seen: dict[str, str] = {}
    for path, value in entries:
        key = value.casefold()
        if key in seen:
            raise GuideError.at(source, path, f"duplicate {what} {value!r} (first at {seen[key]})")
        seen[key] = path
