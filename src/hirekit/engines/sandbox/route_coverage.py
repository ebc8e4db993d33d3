"""Which of the project's routes its own tests reach.

Measured by function, not by line: the own-tests run records every project function
called (see ``calltrace_plugin``), and a route counts as reached when its view
function (matched by file and name) was called at least once. That is the closest
cheap measure of "a test requested this route"; a route whose view is a class
(``MethodView``, Flask-RESTful) has no function of that name and is "not measurable".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hirekit.engines.sandbox.result import CalledFunction


@dataclass(frozen=True)
class RouteReach:
    rule: str
    methods: tuple[str, ...]
    endpoint: str
    file: str
    line: int
    #: True/False: reached or not by the own tests; None: cannot be told
    reached: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "methods": list(self.methods),
            "endpoint": self.endpoint,
            "file": self.file,
            "line": self.line,
            "reached": self.reached,
        }


def _same_file(a: str, b: str) -> bool:
    # The review and the run may name files from different roots (a wrapper folder).
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def route_reach(
    routes: Iterable[Mapping[str, Any]], called: Sequence[CalledFunction]
) -> list[RouteReach]:
    """Each route of the static review with whether the own tests called its view."""
    by_name: dict[str, list[str]] = {}
    for file, _line, name in called:
        by_name.setdefault(name, []).append(file)
    found = []
    for route in routes:
        endpoint = str(route.get("endpoint", ""))
        view = endpoint.rsplit(".", 1)[-1]
        file = str(route.get("file", ""))
        reached: bool | None
        if not called or not view or view == "?" or view[:1].isupper():
            reached = None
        else:
            reached = any(_same_file(file, seen) for seen in by_name.get(view, ()))
        found.append(
            RouteReach(
                rule=str(route.get("rule", "")),
                methods=tuple(str(m) for m in route.get("methods", ()) or ()),
                endpoint=endpoint,
                file=file,
                line=int(route.get("line", 0) or 0),
                reached=reached,
            )
        )
    return found
