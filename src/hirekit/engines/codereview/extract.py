"""One pass over a module's syntax tree that collects everything the review needs.

The pass records Flask-relevant facts (imports, constructors, route and handler
decorators, classes, returns) into ``FileFacts`` and keeps the call and
assignment nodes, with their context, for the per-file rules that run right
after it. It also emits the name-free token stream used for fingerprints.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from hirekit.engines.codereview.call_facts import ENV_READERS, ROUTE_ATTRS, USE_ATTRS, record_call
from hirekit.engines.codereview.extensions_table import distribution_for
from hirekit.engines.codereview.facts import ClassInfo, FileFacts, FuncInfo, MethodUse
from hirekit.engines.codereview.file_settings import (
    APP_NAMES,
    env_settings,
    init_extensions,
    outgoing_calls,
    status_codes,
)
from hirekit.engines.codereview.method_uses import class_route_uses
from hirekit.engines.codereview.nodekinds import CONSTANT_TOKEN, STRING_TOKEN, describe, token_id
from hirekit.engines.codereview.scan import Ctx, Scan, dotted, keyword, str_list, str_value

HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options")
FLASK_MODULES = frozenset({"flask", "quart", "apiflask"})
NAME_TOKEN = token_id("Name")
ATTRIBUTE_TOKEN = token_id("Attribute")
KEYWORD_TOKEN = token_id("keyword")
CALL_TOKEN = token_id("Call")
#: Attributes the pass notes wherever they are read (see ``_note_attribute``).
NOTED_ATTRIBUTES = frozenset({"environ", "test_client"})
NO_NAMES: frozenset[str] = frozenset()
#: The node classes tested for every node, bound once rather than read from ``ast`` each time.
_NAME, _CONSTANT, _ATTRIBUTE, _LOAD, _CALL = (
    ast.Name,
    ast.Constant,
    ast.Attribute,
    ast.Load,
    ast.Call,
)


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    parts = module.split(".") if module else []
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: max(0, len(parts) - (level - 1))]
    if target:
        parts.append(target)
    return ".".join(parts)


class Extractor(ast.NodeVisitor):
    def __init__(self, facts: FileFacts, is_package: bool) -> None:
        self.scan = Scan(facts)
        self.f = facts
        self.is_package = is_package
        self.ctx = Ctx(None, None, None, False)
        self.loaded: set[str] = set()
        self.skip_calls: set[int] = set()
        self.targets: dict[int, str] = {}
        self.returned: set[int] = set()
        self.returns: list[set[str]] = []
        self.in_route: list[bool] = []
        self.ext_locals: dict[str, str] = {}
        self.loops: list[tuple[str, str]] = []  # (variable, sequence name) of enclosing for-loops
        self.tokens = self.scan.tokens
        self.add_token = self.tokens.append
        self.assigning = 0  # depth of assignment statements being visited

    def visit(self, node: ast.AST) -> None:
        kind = node.__class__
        if kind is _NAME:
            # A quarter of all nodes: handled here without a table lookup or a call.
            self.add_token(NAME_TOKEN)
            if node.ctx.__class__ is _LOAD:  # type: ignore[attr-defined]
                self.loaded.add(node.id)  # type: ignore[attr-defined]
            return
        if kind is _CONSTANT:
            # The next most common kind, and a leaf: strings and other constants differ.
            str_const = node.value.__class__ is str  # type: ignore[attr-defined]
            self.add_token(STRING_TOKEN if str_const else CONSTANT_TOKEN)
            return
        if kind is _ATTRIBUTE:
            self.add_token(ATTRIBUTE_TOKEN)
            attr = node.attr  # type: ignore[attr-defined]
            if attr in NOTED_ATTRIBUTES:
                self._note_attribute(node)  # type: ignore[arg-type]
            value = node.value  # type: ignore[attr-defined]
            if value.__class__ is _NAME:  # ``obj.attr``: the usual case, without a call
                self.add_token(NAME_TOKEN)
                if value.ctx.__class__ is _LOAD:
                    self.loaded.add(value.id)
            else:
                self.visit(value)
            return
        if kind is _CALL:  # a tenth of all nodes, and the one kind most handling is for
            self.add_token(CALL_TOKEN)
            self.visit_Call(node)  # type: ignore[arg-type]
            return
        entry = _KINDS.get(kind) or _learn(kind)
        if entry is None:
            return
        token, fields, handler = entry
        if token is not None:  # constants never get here: they took the path above
            self.add_token(token)
        if handler is not None:
            handler(self, node)
            return
        # Inlined generic_visit: this loop runs for every node of every file.
        visit = self.visit
        for name in fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if item is not None:
                        visit(item)
            elif value is not None:
                visit(value)

    def generic_visit(self, node: ast.AST) -> None:
        entry = _KINDS.get(node.__class__) or _learn(node.__class__)
        if entry is None:
            return
        visit = self.visit
        for name in entry[1]:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if item is not None:
                        visit(item)
            elif value is not None:
                visit(value)

    def finish(self) -> Scan:
        for local, dist in self.ext_locals.items():
            if local in self.loaded:
                self.f.extensions.add(dist)
        for local, target in self.f.imports.items():
            kind = ENV_READERS.get(target)
            if kind and local in self.loaded:
                self.f.config_sources.add(kind)
        if self.f.is_test:
            self.f.tests.names |= self.loaded
        else:
            # ``X(app)`` and ``x.init_app(app)`` need one of the app's usual names read.
            if not APP_NAMES.isdisjoint(self.loaded):
                self.f.init_modules = init_extensions(self.scan)
            self.f.env_settings = env_settings(self.scan)
            self.f.outgoing = outgoing_calls(self.scan)
            self.f.status_codes += status_codes(self.scan)
        return self.scan

    # imports -----------------------------------------------------------
    def _bind(self, local: str, target: str) -> None:
        self.f.imports[local] = target
        if target.split(".", 1)[0] in FLASK_MODULES:
            self.f.imports_flask = True
        dist = distribution_for(target)
        if dist:
            self.ext_locals[local] = dist
        if self.f.is_test:
            self._note_test_import(target)
            self.f.tests.names.add(target.rsplit(".", 1)[-1])

    def _note_test_import(self, target: str) -> None:
        top = target.split(".", 1)[0]
        if top in ("pytest", "unittest", "flask_testing"):
            self.f.tests.frameworks.add("flask-testing" if top == "flask_testing" else top)
        if top in ("pytest_flask", "flask_testing") or target.endswith("FlaskClient"):
            self.f.tests.uses_test_client = True

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self._bind(alias.asname, alias.name)
            else:
                top = alias.name.split(".", 1)[0]
                self._bind(top, top)
                if self.f.is_test:
                    self._note_test_import(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            base = _resolve_relative(self.f.module, self.is_package, node.level, node.module)
        for alias in node.names:
            if alias.name != "*":
                self._bind(
                    alias.asname or alias.name, f"{base}.{alias.name}" if base else alias.name
                )

    # scopes ------------------------------------------------------------
    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        qual = f"{self.ctx.qualname}.{node.name}" if self.ctx.qualname else node.name
        if self.ctx.cls and not self.ctx.qualname:
            qual = f"{self.ctx.cls}.{node.name}"
        is_route = self._decorators(node)
        if self.f.is_test and node.name.startswith("test"):
            self.f.tests.test_functions += 1
        outer = self.ctx
        for deco in node.decorator_list:
            self.visit(deco)
        self.visit(node.args)
        self.ctx = Ctx(node, qual, outer.cls, False)
        self.returns.append(set())
        self.in_route.append(is_route)
        for stmt in node.body:
            self.visit(stmt)
        self.in_route.pop()
        returned = self.returns.pop()
        # Most functions return no local by name: they share one empty set, which the
        # review keeps for every function of the project.
        names = frozenset(returned) if returned else NO_NAMES
        self.f.funcs.append(FuncInfo(qual, node.lineno, names))
        self.ctx = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_For(self, node: ast.For) -> None:
        # "for route in routes:" inside a helper: route_helpers reads the loop variable.
        loop = isinstance(node.target, ast.Name) and isinstance(node.iter, ast.Name)
        if loop:
            self.loops.append((node.target.id, node.iter.id))  # type: ignore[attr-defined]
        self.generic_visit(node)
        if loop:
            self.loops.pop()

    def _decorators(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        is_route = False
        for deco in node.decorator_list:
            self.scan.decorators.append((deco, self.ctx))
            call = deco if isinstance(deco, ast.Call) else None
            func = call.func if call else deco
            if not isinstance(func, ast.Attribute) or func.attr not in USE_ATTRS:
                continue
            receiver = dotted(func.value)
            if receiver is None:
                continue
            if call is not None:
                self.skip_calls.add(id(call))
            rule = str_value(call.args[0]) if call and call.args else None
            if call and rule is None:
                rule = str_value(keyword(call, "rule"))
            methods = str_list(keyword(call, "methods")) if call else None
            endpoint = str_value(keyword(call, "endpoint")) if call else None
            self.f.uses.append(
                MethodUse(
                    receiver,
                    func.attr,
                    deco.lineno,
                    self.ctx.qualname,
                    True,
                    rule=rule,
                    methods=methods,
                    endpoint=endpoint,
                    view=node.name,
                )
            )
            if func.attr in ROUTE_ATTRS:
                is_route = True
                if rule and "<" in rule:
                    self.scan.route_funcs.add(id(node))
        return is_route

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        bases = tuple(b for b in (dotted(x) for x in node.bases) if b)
        http = tuple(
            s.name
            for s in node.body
            if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef) and s.name in HTTP_METHODS
        )
        methods_attr = None
        for s in node.body:
            if isinstance(s, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "methods" for t in s.targets
            ):
                methods_attr = str_list(s.value)
        self.f.classes.append(ClassInfo(node.name, node.lineno, bases, http, methods_attr))
        self.scan.classdefs.append((node, self.ctx))
        if self.f.is_test and node.name.startswith("Test"):
            self.f.tests.frameworks.add("pytest" if not bases else "unittest")
        resource_routes, decorators = class_route_uses(node, self.ctx.qualname)
        self.f.uses.extend(resource_routes)
        self.skip_calls.update(id(call) for call in decorators)
        outer = self.ctx
        for child in (*node.decorator_list, *node.bases, *node.keywords):
            self.visit(child)
        self.ctx = Ctx(outer.func, outer.qualname, node.name, outer.main_guard)
        for stmt in node.body:
            self.visit(stmt)
        self.ctx = outer

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        is_main = (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and test.left.id == "__name__"
            and any(str_value(c) == "__main__" for c in test.comparators)
        )
        if not is_main:
            self.generic_visit(node)
            return
        outer = self.ctx
        self.ctx = Ctx(outer.func, outer.qualname, outer.cls, True)
        self.generic_visit(node)
        self.ctx = outer

    # statements --------------------------------------------------------
    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            self.tokens.pop()  # docstrings and bare strings are not code
            return
        self.visit(node.value)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.scan.assigns.append((node, self.ctx))
        if isinstance(node.value, ast.Call) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                self.targets[id(node.value)] = target.id
        self.assigning += 1
        for target in node.targets:
            if target.__class__ is _NAME:  # ``x = ...``: most targets, taken without a visit
                self.add_token(NAME_TOKEN)
                if target.ctx.__class__ is _LOAD:
                    self.loaded.add(target.id)
            else:
                self.visit(target)
        self.visit(node.value)
        self.assigning -= 1

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.scan.assigns.append((node, self.ctx))
        if isinstance(node.value, ast.Call) and isinstance(node.target, ast.Name):
            self.targets[id(node.value)] = node.target.id
        self.assigning += 1
        self.generic_visit(node)
        self.assigning -= 1

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.scan.assigns.append((node, self.ctx))
        self.assigning += 1
        self.generic_visit(node)
        self.assigning -= 1

    def visit_Return(self, node: ast.Return) -> None:
        value = node.value
        if self.returns:
            if isinstance(value, ast.Name):
                self.returns[-1].add(value.id)
            elif isinstance(value, ast.Call):
                self.returned.add(id(value))
        if self.in_route and self.in_route[-1] and isinstance(value, ast.Dict):
            self.f.json_responses += 1
        if isinstance(value, ast.Tuple) and len(value.elts) > 1:
            code = value.elts[1]
            if isinstance(code, ast.Constant) and type(code.value) is int:
                self.f.status_codes += 1  # ``return body, 201``
        if value is not None:
            self.visit(value)

    # expressions -------------------------------------------------------
    def visit_Subscript(self, node: ast.Subscript) -> None:
        if self.assigning:
            # ``os.environ["KEY"]`` in an assignment: file_settings reads these once the
            # imports are known, without walking every assignment a second time.
            self.scan.assigned_subscripts.append(node)
        self.visit(node.value)
        self.visit(node.slice)

    def _note_attribute(self, node: ast.Attribute) -> None:
        if node.attr == "environ" and self.scan.canon(dotted(node)) == "os.environ":
            self.f.config_sources.add("os.environ")
        elif node.attr == "test_client" and self.f.is_test:
            self.f.tests.uses_test_client = True

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        callee = dotted(func)
        scan = self.scan
        calls = scan.calls
        at = len(calls)
        calls.append((node, self.ctx, callee))
        # Noted here for the rules' index (callindex), rather than in a loop of its own.
        group = scan.calls_by_callee.get(callee)
        if group is None:
            scan.calls_by_callee[callee] = [at]
        else:
            group.append(at)
        if node.keywords:
            scan.keyword_calls.append(at)
        if node.args:
            first = node.args[0]
            if first.__class__ is _NAME:
                scan.first_names.setdefault(first.id, []).append(at)
            elif first.__class__ is _CONSTANT and first.value.__class__ is str:
                scan.text_first.append(at)
        if callee is not None:
            record_call(self, node, callee)
        # The callee, arguments and keywords are mostly names and constants: their
        # tokens are added here, without a call of visit() for each.
        add, loaded, visit = self.add_token, self.loaded, self.visit
        kind = func.__class__
        if kind is _NAME:
            add(NAME_TOKEN)
            if func.ctx.__class__ is _LOAD:  # type: ignore[attr-defined]
                loaded.add(func.id)  # type: ignore[attr-defined]
        elif (
            kind is _ATTRIBUTE
            and (owner := func.value).__class__ is _NAME  # type: ignore[attr-defined]
            and func.attr not in NOTED_ATTRIBUTES  # type: ignore[attr-defined]
        ):
            add(ATTRIBUTE_TOKEN)
            add(NAME_TOKEN)
            if owner.ctx.__class__ is _LOAD:
                loaded.add(owner.id)
        else:
            visit(func)
        for arg in node.args:
            kind = arg.__class__
            if kind is _NAME:
                add(NAME_TOKEN)
                if arg.ctx.__class__ is _LOAD:  # type: ignore[attr-defined]
                    loaded.add(arg.id)  # type: ignore[attr-defined]
            elif kind is _CONSTANT:
                add(STRING_TOKEN if arg.value.__class__ is str else CONSTANT_TOKEN)  # type: ignore[attr-defined]
            else:
                visit(arg)
        for kw in node.keywords:
            add(KEYWORD_TOKEN)
            value = kw.value
            kind = value.__class__
            if kind is _NAME:
                add(NAME_TOKEN)
                if value.ctx.__class__ is _LOAD:  # type: ignore[attr-defined]
                    loaded.add(value.id)  # type: ignore[attr-defined]
            elif kind is _CONSTANT:
                add(STRING_TOKEN if value.value.__class__ is str else CONSTANT_TOKEN)  # type: ignore[attr-defined]
            else:
                visit(value)


_Handler = Callable[["Extractor", Any], None]

#: node type -> handler, resolved once instead of a getattr per node
_HANDLERS: dict[type, _Handler] = {
    getattr(ast, name[len("visit_") :]): method
    for name, method in vars(Extractor).items()
    if name.startswith("visit_") and hasattr(ast, name[len("visit_") :])
}
#: node type -> (token id, child fields, handler), filled as node types are met
_KINDS: dict[type, tuple[int | None, tuple[str, ...], _Handler | None] | None] = {}


def _learn(kind: type) -> tuple[int | None, tuple[str, ...], _Handler | None] | None:
    described = describe(kind)
    entry = None if described is None else (*described, _HANDLERS.get(kind))
    _KINDS[kind] = entry
    return entry
