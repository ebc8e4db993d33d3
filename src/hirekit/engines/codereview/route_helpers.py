"""Routes registered through a project's own helper function.

Flask's documentation registers its MethodView example with
``def register_api(app, model, name): app.add_url_rule(f"/{name}/", ...)``, and
larger projects wrap ``add_url_rule`` in helpers such as
``register_view(bp, routes=[...], view_func=...)``. The helper's body gives a
:class:`RouteTemplate`; each call passing the app or blueprint first and some
literal gives a :class:`HelperCall`; the model pairs them by the helper's name.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from hirekit.engines.codereview.facts import (
    ArgValue,
    HelperCall,
    RouteTemplate,
    TemplatePart,
)
from hirekit.engines.codereview.scan import dotted, keyword, str_list, str_value


def parameters(func: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[str, ...]:
    args = func.args
    return tuple(a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs))


def _template(
    node: ast.expr | None, params: tuple[str, ...], loops: Sequence[tuple[str, str]]
) -> tuple[TemplatePart, ...] | None:
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (("text", node.value),)
    if isinstance(node, ast.Name):
        if node.id in params:
            return (("param", node.id),)
        for var, sequence in reversed(loops):
            if var == node.id:
                return (("each", sequence),) if sequence in params else None
        return None
    if isinstance(node, ast.JoinedStr):
        parts: list[TemplatePart] = []
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                if value.conversion != -1 or value.format_spec is not None:
                    return None
                inner = _template(value.value, params, loops)
                if inner is None:
                    return None
                parts.extend(inner)
            elif isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(("text", value.value))
            else:
                return None
        return tuple(parts)
    return None


def route_template(
    node: ast.Call,
    func: ast.FunctionDef | ast.AsyncFunctionDef,
    qualname: str,
    loops: Sequence[tuple[str, str]],
) -> RouteTemplate | None:
    """``param.add_url_rule(...)`` in ``func`` whose rule depends on the helper's parameters."""
    if not isinstance(node.func, ast.Attribute):
        return None
    receiver = dotted(node.func.value)
    params = parameters(func)
    if receiver not in params:
        return None
    args = node.args
    rule = _template(args[0] if args else keyword(node, "rule"), params, loops)
    if rule is None or all(kind == "text" for kind, _ in rule):
        return None  # a literal rule is read where it stands
    endpoint_node = args[1] if len(args) > 1 else keyword(node, "endpoint")
    view_node = args[2] if len(args) > 2 else keyword(node, "view_func")
    endpoint = _template(endpoint_node, params, loops) if endpoint_node is not None else None
    if endpoint is None and view_node is not None:
        if (
            isinstance(view_node, ast.Call)
            and isinstance(view_node.func, ast.Attribute)
            and view_node.func.attr == "as_view"
        ):
            endpoint = _template(view_node.args[0] if view_node.args else None, params, loops)
        else:
            endpoint = _template(view_node, params, loops)
    methods = str_list(keyword(node, "methods"))
    view = view_node.id if isinstance(view_node, ast.Name) and view_node.id in params else None
    return RouteTemplate(qualname, params, receiver, rule, endpoint, methods, node.lineno, view)


def _arg(node: ast.expr) -> ArgValue | None:
    text = str_value(node)
    if text is not None:
        return ArgValue(text=text)
    if isinstance(node, ast.List | ast.Tuple):
        texts = [str_value(item) for item in node.elts]
        if None in texts:
            return None
        return ArgValue(texts=tuple(t for t in texts if t is not None))
    if isinstance(node, ast.Name | ast.Attribute):
        return ArgValue(name=dotted(node))
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "as_view"
        and node.args
    ):
        return ArgValue(view_name=str_value(node.args[0]), view_class=dotted(node.func.value))
    return None


_TEXT_KINDS = frozenset({ast.Constant, ast.List, ast.Tuple})


def may_hold_text(node: ast.Call) -> bool:
    """Whether a call passes a constant, list or tuple: a route helper's call passes
    literal text (``helper_call`` checks exactly), most calls with a name first do not."""
    # Without generators: the extractor asks this of many calls, and most answer no.
    kinds = [arg.__class__ for arg in node.args]
    kinds += [kw.value.__class__ for kw in node.keywords]
    return not _TEXT_KINDS.isdisjoint(kinds)


#: Common callees that take a name first and are never a project's route helper.
NOT_HELPERS = frozenset(
    {"len", "print", "isinstance", "issubclass", "getattr", "setattr", "hasattr", "str", "int",
     "float", "bool", "list", "dict", "set", "tuple", "sorted", "format", "join", "get", "append",
     "extend", "update", "startswith", "endswith", "replace", "split", "encode", "decode", "info",
     "debug", "warning", "error", "exception", "execute", "filter_by", "query", "jsonify",
     "render_template", "redirect", "url_for", "abort", "flash", "open", "range", "zip", "map",
     "enumerate", "super", "type", "repr", "min", "max", "sum", "any", "all", "cast", "pop",
     "setdefault", "add", "remove", "insert", "write", "read", "send", "emit", "log"}
)  # fmt: skip


def helper_call(node: ast.Call, callee: str, func: str | None) -> HelperCall | None:
    """A call passing a name (the app or blueprint) and some literal: maybe a route helper.

    The extractor offers only calls whose first argument is a name.
    """
    values = [_arg(a) for a in node.args]
    named = [(kw.arg, _arg(kw.value)) for kw in node.keywords if kw.arg is not None]
    every = [*values, *(v for _, v in named)]
    if not any(v is not None and v.name for v in every):
        return None
    if not any(v is not None and (v.text or v.texts) for v in every):
        return None
    empty = ArgValue()
    return HelperCall(
        callee,
        func,
        node.lineno,
        tuple(v or empty for v in values),
        tuple((k, v or empty) for k, v in named),
    )


def bind(template: RouteTemplate, call: HelperCall) -> dict[str, ArgValue]:
    bound = dict(zip(template.params, call.args, strict=False))
    for name, value in call.kwargs:
        if name in template.params:
            bound[name] = value
    return bound


def render(parts: tuple[TemplatePart, ...], bound: dict[str, ArgValue]) -> list[str]:
    """Every string the parts make with these arguments (several for an "each" part)."""
    results = [""]
    for kind, value in parts:
        if kind == "text":
            results = [r + value for r in results]
            continue
        arg = bound.get(value)
        if arg is None:
            return []
        if kind == "param" and (arg.text is not None or arg.view_name is not None):
            piece = arg.text if arg.text is not None else arg.view_name
            assert piece is not None
            results = [r + piece for r in results]
        elif kind == "each" and arg.texts:
            results = [r + item for r in results for item in arg.texts]
        else:
            return []
    return results
