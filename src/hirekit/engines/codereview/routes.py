"""Routes: decorators, ``add_url_rule`` and class-based views, on resolved app/blueprint objects."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hirekit.engines.codereview.extract import ROUTE_ATTRS
from hirekit.engines.codereview.facts import ClassInfo, Ctor, FileFacts, MethodUse
from hirekit.engines.codereview.imports import ProjectIndex
from hirekit.engines.codereview.model import Route

#: Receiver names that conventionally hold an app or a blueprint, used only when
#: the object itself cannot be resolved (e.g. ``def register(app): @app.route``).
CONVENTIONAL = re.compile(r"^(app|application|flask_app|bp|blueprint|\w+_bp|\w+_blueprint|bp_\w+)$")


@dataclass(frozen=True)
class FlaskObject:
    kind: str  # "app" or "bp"
    name: str | None  # blueprint name, for endpoints


class ObjectTable:
    """App and blueprint objects by canonical name (module level) or by local scope."""

    def __init__(self, index: ProjectIndex) -> None:
        self.index = index
        self.globals: dict[str, FlaskObject] = {}
        self.locals: dict[tuple[str, str, str], FlaskObject] = {}

    def add(self, f: FileFacts, ctor: Ctor, kind: str, name: str | None) -> None:
        if ctor.target is None:
            return
        obj = FlaskObject(kind, name)
        if ctor.func is None:
            self.globals[f"{f.module}.{ctor.target}"] = obj
        else:
            self.locals[(f.rel, ctor.func, ctor.target)] = obj

    def resolve(self, f: FileFacts, scope: str | None, receiver: str) -> FlaskObject | None:
        head = receiver.split(".", 1)[0]
        while scope:
            found = self.locals.get((f.rel, scope, head))
            if found:
                return found
            scope = scope.rpartition(".")[0] or None
        return self.globals.get(self.index.canonical(f.module, head))


def _view_methods(cls: ClassInfo | None) -> tuple[str, ...]:
    if cls is None:
        return ("GET",)
    if cls.methods_attr:
        return cls.methods_attr
    return tuple(m.upper() for m in cls.http_methods) or ("GET",)


def _endpoint(obj: FlaskObject | None, name: str) -> str:
    if obj is not None and obj.kind == "bp" and obj.name:
        return f"{obj.name}.{name}"
    return name


def _route_from(
    use: MethodUse, obj: FlaskObject | None, classes: dict[str, ClassInfo]
) -> Route | None:
    if use.rule is None:
        return None
    if use.attr == "add_url_rule":
        cls = classes.get((use.view_class or "").rsplit(".", 1)[-1]) if use.view_class else None
        methods = use.methods or _view_methods(cls)
        name = use.endpoint or use.view_name or (use.view or "").rsplit(".", 1)[-1]
        return Route(use.rule, methods, _endpoint(obj, name or "?"), "", use.line)
    if not use.decorator or use.attr not in ROUTE_ATTRS:
        return None
    methods = use.methods or (("GET",) if use.attr == "route" else (use.attr.upper(),))
    return Route(use.rule, methods, _endpoint(obj, use.endpoint or use.view or "?"), "", use.line)


def collect_routes(
    code: Sequence[FileFacts], objects: ObjectTable, flask_project: bool
) -> list[Route]:
    """Every route registered on an app or blueprint object, in file order."""
    classes = {c.name: c for f in code for c in f.classes}
    routes: list[Route] = []
    for f in code:
        for use in f.uses:
            if use.attr not in ROUTE_ATTRS and use.attr != "add_url_rule":
                continue
            obj = objects.resolve(f, use.func, use.receiver)
            if obj is None:
                conventional = "." not in use.receiver and CONVENTIONAL.match(use.receiver)
                if not (flask_project and conventional):
                    continue
            route = _route_from(use, obj, classes)
            if route is not None:
                routes.append(Route(route.rule, route.methods, route.endpoint, f.rel, route.line))
    return routes
