"""``MethodUse`` records built from call syntax: routes, rules, REST resources.

Flask-RESTful and flask-restx register ``Resource`` classes rather than view
functions: ``api.add_resource(Todo, "/todos", "/todos/<id>")`` and a class
decorated with ``@ns.route("/todos")``. Each URL becomes one use, carrying the
resource class, so the model can count them as routes.
"""

from __future__ import annotations

import ast

from hirekit.engines.codereview.facts import MethodUse
from hirekit.engines.codereview.scan import dotted, keyword, str_list, str_value


def method_call_use(node: ast.Call, func: ast.Attribute, func_name: str | None) -> MethodUse:
    """``receiver.attr(...)`` called (not decorating), read as Flask's argument order."""
    receiver = dotted(func.value) or "?"
    args = node.args
    rule = str_value(args[0]) if args else str_value(keyword(node, "rule"))
    endpoint = str_value(args[1]) if len(args) > 1 else str_value(keyword(node, "endpoint"))
    view_node = args[2] if len(args) > 2 else keyword(node, "view_func")
    view = view_class = view_name = None
    if isinstance(view_node, ast.Name | ast.Attribute):
        view = dotted(view_node)
    elif (
        isinstance(view_node, ast.Call)
        and isinstance(view_node.func, ast.Attribute)
        and view_node.func.attr == "as_view"
    ):
        view_class = dotted(view_node.func.value)
        view_name = str_value(view_node.args[0]) if view_node.args else None
    return MethodUse(
        receiver,
        func.attr,
        node.lineno,
        func_name,
        False,
        rule,
        str_list(keyword(node, "methods")),
        endpoint,
        view,
        view_class,
        view_name,
    )


def _urls(args: list[ast.expr]) -> list[str]:
    return [url for url in (str_value(a) for a in args) if url is not None]


def resource_uses(node: ast.Call, func: ast.Attribute, func_name: str | None) -> list[MethodUse]:
    """``api.add_resource(Resource, "/a", "/b", endpoint=...)``: one use per URL."""
    if not node.args:
        return []
    resource = dotted(node.args[0])
    receiver = dotted(func.value) or "?"
    endpoint = str_value(keyword(node, "endpoint"))
    methods = str_list(keyword(node, "methods"))
    return [
        MethodUse(
            receiver,
            "add_resource",
            node.lineno,
            func_name,
            False,
            rule=url,
            methods=methods,
            endpoint=endpoint,
            view_class=resource,
        )
        for url in _urls(node.args[1:])
    ]


def namespace_added(node: ast.Call, func: ast.Attribute, func_name: str | None) -> MethodUse:
    """``api.add_namespace(ns, path=...)``: ``view`` names the namespace object."""
    namespace = dotted(node.args[0]) if node.args else dotted(keyword(node, "ns") or ast.Pass())
    return MethodUse(
        dotted(func.value) or "?", "add_namespace", node.lineno, func_name, False, view=namespace
    )


def class_route_uses(
    node: ast.ClassDef, func_name: str | None
) -> tuple[list[MethodUse], list[ast.Call]]:
    """``@ns.route("/a", "/b")`` on a class: one use per URL, and the decorator calls used."""
    uses: list[MethodUse] = []
    calls: list[ast.Call] = []
    for deco in node.decorator_list:
        if not (
            isinstance(deco, ast.Call)
            and isinstance(deco.func, ast.Attribute)
            and deco.func.attr == "route"
        ):
            continue
        receiver = dotted(deco.func.value)
        if receiver is None:
            continue
        calls.append(deco)
        endpoint = str_value(keyword(deco, "endpoint"))
        methods = str_list(keyword(deco, "methods"))
        for url in _urls(deco.args):
            uses.append(
                MethodUse(
                    receiver,
                    "route",
                    deco.lineno,
                    func_name,
                    True,
                    rule=url,
                    methods=methods,
                    endpoint=endpoint,
                    view_class=node.name,
                )
            )
    return uses, calls
