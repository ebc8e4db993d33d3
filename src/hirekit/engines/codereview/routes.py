"""Routes: decorators, ``add_url_rule`` and class-based views, on resolved app/blueprint objects."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hirekit.engines.codereview.call_facts import ROUTE_ATTRS
from hirekit.engines.codereview.facts import (
    ClassInfo,
    Ctor,
    FileFacts,
    HelperCall,
    MethodUse,
    RouteTemplate,
)
from hirekit.engines.codereview.imports import ProjectIndex
from hirekit.engines.codereview.model import Route
from hirekit.engines.codereview.route_helpers import bind, render

#: Receiver names that conventionally hold an app or a blueprint, used only when
#: the object itself cannot be resolved (e.g. ``def register(app): @app.route``).
RESTX_API = "restx-api"
RESTX_NAMESPACE = "restx-namespace"
RESTFUL_API = "restful-api"
REST_OBJECTS = frozenset({RESTX_API, RESTX_NAMESPACE, RESTFUL_API})
_FIRST_CAP = re.compile(r"(.)([A-Z][a-z]+)")
_ALL_CAPS = re.compile(r"([a-z0-9])([A-Z])")
CONVENTIONAL = re.compile(r"^(app|application|flask_app|bp|blueprint|\w+_bp|\w+_blueprint|bp_\w+)$")


CURRENT_APP = frozenset({"flask.current_app", "flask.globals.current_app", "quart.current_app"})


@dataclass(frozen=True, slots=True)
class FlaskObject:
    kind: str  # "app", "bp", or a REST API object: RESTX_API, RESTX_NAMESPACE, RESTFUL_API
    name: str | None  # blueprint or namespace name, for endpoints


class ObjectTable:
    """App and blueprint objects by canonical name (module level) or by local scope."""

    def __init__(self, index: ProjectIndex, own_names: bool = False) -> None:
        """``own_names``: also find module-level objects bound by a plain call
        (``ns = api.namespace("x")``), which name resolution does not know."""
        self.index = index
        self.own_names = own_names
        self.globals: dict[str, FlaskObject] = {}
        self.locals: dict[tuple[str, str, str], FlaskObject] = {}

    def add(self, f: FileFacts, ctor: Ctor, kind: str, name: str | None) -> None:
        self.add_named(f, ctor.func, ctor.target, kind, name)

    def add_named(
        self, f: FileFacts, func: str | None, target: str | None, kind: str, name: str | None
    ) -> None:
        """Object ``kind`` bound to ``target`` in scope ``func`` of file ``f``."""
        if target is None:
            return
        obj = FlaskObject(kind, name)
        if func is None:
            self.globals[f"{f.module}.{target}"] = obj
        else:
            self.locals[(f.rel, func, target)] = obj

    def keep(self, wanted: Callable[[FlaskObject], bool]) -> None:
        """Drop every object ``wanted`` rejects."""
        self.globals = {k: v for k, v in self.globals.items() if wanted(v)}
        self.locals = {k: v for k, v in self.locals.items() if wanted(v)}

    def resolve(self, f: FileFacts, scope: str | None, receiver: str) -> FlaskObject | None:
        head = receiver.split(".", 1)[0]
        while scope:
            found = self.locals.get((f.rel, scope, head))
            if found:
                return found
            scope = scope.rpartition(".")[0] or None
        found = self.globals.get(self.index.canonical(f.module, head))
        if found is None and self.own_names and head not in f.imports:
            found = self.globals.get(f"{f.module}.{head}")
        return found


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


def _resource_route(
    use: MethodUse, obj: FlaskObject, classes: dict[str, ClassInfo]
) -> Route | None:
    """A Flask-RESTful/flask-restx resource registered under ``use.rule``."""
    if use.rule is None or not use.view_class:
        return None
    class_name = use.view_class.rsplit(".", 1)[-1]
    methods = use.methods or _view_methods(classes.get(class_name))
    if obj.kind == RESTFUL_API:
        endpoint = use.endpoint or class_name.lower()  # Flask-RESTful's default
    else:
        endpoint = use.endpoint or _camel_to_snake(class_name)  # flask-restx's default
        if obj.kind == RESTX_NAMESPACE and obj.name and not use.endpoint:
            endpoint = f"{obj.name}_{endpoint}"
    return Route(use.rule, methods, endpoint, "", use.line)


def _camel_to_snake(name: str) -> str:
    return _ALL_CAPS.sub(r"\1_\2", _FIRST_CAP.sub(r"\1_\2", name)).lower()


def collect_routes(
    code: Sequence[FileFacts],
    objects: ObjectTable,
    flask_project: bool,
    rest_objects: ObjectTable | None = None,
) -> list[Route]:
    """Every route registered on an app, blueprint or REST API object, in file order.

    REST API objects live in their own table so they never shadow an app or a
    blueprint bound to the same name.
    """
    classes = {c.name: c for f in code for c in f.classes}
    routes: list[Route] = []
    for f in code:
        for use in f.uses:
            if use.attr == "add_resource" or (use.decorator and use.view_class):
                rest = rest_objects.resolve(f, use.func, use.receiver) if rest_objects else None
                route = _resource_route(use, rest, classes) if rest else None
            elif use.attr in ROUTE_ATTRS or use.attr == "add_url_rule":
                route = _flask_route(use, f, objects, flask_project, classes)
            else:
                continue
            if route is not None:
                routes.append(Route(route.rule, route.methods, route.endpoint, f.rel, route.line))
    helpers: dict[str, list[RouteTemplate]] = {}
    for f in code:
        for template in f.route_templates:
            helpers.setdefault(template.func.rsplit(".", 1)[-1], []).append(template)
    if helpers:
        for f in code:
            for call in f.helper_calls:
                for template in helpers.get(call.callee.rsplit(".", 1)[-1], ()):
                    routes += _helper_routes(template, call, f, objects, flask_project, classes)
        order = {f.rel: i for i, f in enumerate(code)}
        routes.sort(key=lambda r: (order[r.file], r.line))
    return routes


def _helper_routes(
    template: RouteTemplate,
    call: HelperCall,
    f: FileFacts,
    objects: ObjectTable,
    flask_project: bool,
    classes: dict[str, ClassInfo],
) -> list[Route]:
    """The routes one call of a route helper registers (see route_helpers)."""
    bound = bind(template, call)
    receiver = bound.get(template.receiver)
    if receiver is None or receiver.name is None:
        return []
    obj = objects.resolve(f, call.func, receiver.name)
    if obj is None and not (flask_project and CONVENTIONAL.match(receiver.name)):
        return []
    names = render(template.endpoint, bound) if template.endpoint else []
    endpoint = _endpoint(obj, names[0] if names else "?")
    view = bound.get(template.view) if template.view else None
    view_class = view.view_class if view is not None else None
    cls = classes.get(view_class.rsplit(".", 1)[-1]) if view_class else None
    methods = template.methods or (_view_methods(cls) if cls else ("GET",))
    return [
        Route(rule, methods, endpoint, f.rel, call.line) for rule in render(template.rule, bound)
    ]


def _flask_route(
    use: MethodUse,
    f: FileFacts,
    objects: ObjectTable,
    flask_project: bool,
    classes: dict[str, ClassInfo],
) -> Route | None:
    obj = objects.resolve(f, use.func, use.receiver)
    if obj is None:
        conventional = "." not in use.receiver and CONVENTIONAL.match(use.receiver)
        # ``@current_app.route``: the running app, whichever it is.
        current = f.imports.get(use.receiver) in CURRENT_APP
        if not ((flask_project and conventional) or current):
            return None
    return _route_from(use, obj, classes)
