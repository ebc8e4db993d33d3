"""What one call tells the model: constructors, configuration readers, JSON
responses, route helpers and the methods of apps and blueprints (``MethodUse``).

The extractor calls ``record_call`` for every call with a dotted callee, before
visiting the call's children, so facts keep the order of the source.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from typing import TYPE_CHECKING

from hirekit.engines.codereview.facts import Ctor, FileFacts
from hirekit.engines.codereview.method_uses import (
    method_call_use,
    namespace_added,
    resource_uses,
)
from hirekit.engines.codereview.route_helpers import (
    NOT_HELPERS,
    helper_call,
    may_hold_text,
    route_template,
)
from hirekit.engines.codereview.scan import keyword, str_value

if TYPE_CHECKING:
    from hirekit.engines.codereview.extract import Extractor

ROUTE_ATTRS = frozenset({"route", "get", "post", "put", "patch", "delete"})
USE_ATTRS = ROUTE_ATTRS | {
    "add_url_rule",
    "errorhandler",
    "app_errorhandler",
    "register_error_handler",
    "register_blueprint",
    "command",
    "group",
    "add_command",
    "from_object",
    "from_pyfile",
    "from_envvar",
    "from_prefixed_env",
    "from_mapping",
    "from_file",
    "exempt",
    "add_resource",
    "namespace",
    "add_namespace",
}
ENV_READERS = {
    "os.getenv": "os.environ",
    "os.environ.get": "os.environ",
    "os.environ": "os.environ",
    "os.getenv.get": "os.environ",
    "dotenv.load_dotenv": "dotenv",
    "dotenv.dotenv_values": "dotenv",
    "dotenv.find_dotenv": "dotenv",
    "environs.Env": "environs",
    "decouple.config": "decouple",
}
RESOLVED_LAST_NAMES = frozenset({name.rsplit(".", 1)[-1] for name in ENV_READERS} | {"jsonify"})
JSONIFY = ("flask.jsonify", "quart.jsonify")


def _note_reader(facts: FileFacts, canonical: str) -> None:
    kind = ENV_READERS.get(canonical)
    if kind:
        facts.config_sources.add(kind)
    if canonical in JSONIFY:
        facts.json_responses += 1


def record_call(ex: Extractor, node: ast.Call, callee: str) -> None:
    """The facts of ``callee(...)``, ``callee`` being dotted (``f`` or ``a.b.f``)."""
    f = ex.f
    func = node.func
    last = func.attr if func.__class__ is ast.Attribute else callee
    if last[:1].isupper():
        name = str_value(node.args[0]) if node.args else None
        name = name if name is not None else str_value(keyword(node, "name"))
        f.ctors.append(
            Ctor(
                callee,
                node.lineno,
                ex.ctx.qualname,
                ex.targets.get(id(node)),
                name,
                id(node) in ex.returned,
            )
        )
    # A dotted callee keeps its last name through import resolution, and a bare name
    # that is not imported stays itself (no reader or jsonify is a bare name), so most
    # calls are ruled out of the env/jsonify checks without resolving them.
    if "." not in callee:
        target = f.imports.get(callee)
        if target is not None:
            _note_reader(f, target)
    elif last in RESOLVED_LAST_NAMES:
        _note_reader(f, ex.scan.canon(callee) or callee)
    args = node.args
    if (
        args
        and args[0].__class__ is ast.Name
        and last not in NOT_HELPERS
        and callee.count(".") <= 1
        and may_hold_text(node)
    ):
        # Maybe ``register_view(bp, [...], ...)``: a project's route helper (route_helpers).
        call = helper_call(node, callee, ex.ctx.qualname)
        if call is not None:
            f.helper_calls.append(call)
    # ``last`` is the attribute of a dotted callee: most calls stop at this one test.
    if last in USE_ATTRS and isinstance(func, ast.Attribute):
        _record_method(ex, node, func, callee)


def _record_method(ex: Extractor, node: ast.Call, func: ast.Attribute, callee: str) -> None:
    f, ctx = ex.f, ex.ctx
    if func.attr == "add_url_rule" and ctx.func is not None and ctx.qualname is not None:
        template = route_template(node, ctx.func, ctx.qualname, ex.loops)
        if template is not None:
            f.route_templates.append(template)
    # ``x.get(...)``, ``app.route(...)`` called rather than decorating register no route
    # (see routes), and ``d.get(key)`` is among the commonest calls: not kept.
    if id(node) not in ex.skip_calls and "." in callee and func.attr not in ROUTE_ATTRS:
        if func.attr == "add_resource":
            f.uses.extend(resource_uses(node, func, ctx.qualname))
        elif func.attr == "add_namespace":
            f.uses.append(namespace_added(node, func, ctx.qualname))
        else:
            use = method_call_use(node, func, ctx.qualname)
            if func.attr == "namespace":
                use = replace(use, target=ex.targets.get(id(node)))
            f.uses.append(use)
