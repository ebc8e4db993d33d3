"""Assemble the ``FlaskModel`` from per-file facts, resolving names across modules."""

from __future__ import annotations

from collections.abc import Sequence

from hirekit.engines.codereview.extensions_table import (
    TEST_ONLY,
    distribution_for,
    settle_bootstrap,
)
from hirekit.engines.codereview.facts import Ctor, FileFacts, MethodUse
from hirekit.engines.codereview.imports import ProjectIndex
from hirekit.engines.codereview.model import (
    AppSite,
    BlueprintSite,
    FactorySite,
    FlaskModel,
    Site,
    TestsSummary,
)
from hirekit.engines.codereview.routes import (
    RESTFUL_API,
    RESTX_API,
    RESTX_NAMESPACE,
    ObjectTable,
    collect_routes,
)

APP_CLASSES = frozenset(
    {
        "flask.Flask",
        "flask.app.Flask",
        "apiflask.APIFlask",
        "apiflask.app.APIFlask",
        "quart.Quart",
        "quart.app.Quart",
        "flask_openapi3.OpenAPI",  # Flask subclasses shipped by extensions
        "flask_openapi3.openapi.OpenAPI",
    }
)
BLUEPRINT_CLASSES = frozenset(
    {
        "flask.Blueprint",
        "flask.blueprints.Blueprint",
        "apiflask.APIBlueprint",
        "apiflask.blueprint.APIBlueprint",
        "flask_smorest.Blueprint",
        "quart.Blueprint",
        "quart.blueprints.Blueprint",
        "flask_openapi3.APIBlueprint",
        "flask_openapi3.blueprint.APIBlueprint",
    }
)
#: REST API objects that register ``Resource`` classes as routes.
REST_CLASSES = {
    RESTX_API: frozenset(
        {"flask_restx.Api", "flask_restx.api.Api", "flask_restplus.Api", "flask_restplus.api.Api"}
    ),
    RESTX_NAMESPACE: frozenset(
        {
            "flask_restx.Namespace",
            "flask_restx.namespace.Namespace",
            "flask_restplus.Namespace",
            "flask_restplus.namespace.Namespace",
        }
    ),
    RESTFUL_API: frozenset({"flask_restful.Api"}),
}
ENV_SOURCES = frozenset(
    {"os.environ", "dotenv", "environs", "decouple", "from_envvar", "from_prefixed_env"}
)
CONFIG_ATTRS = frozenset(
    {"from_object", "from_pyfile", "from_envvar", "from_prefixed_env", "from_mapping", "from_file"}
)
API_EXTENSIONS = frozenset(
    {"flask-restx", "flask-restful", "flask-smorest", "flasgger", "flask-restplus"}
)
FACTORY_WORDS = ("create", "make", "factory", "build")


def _subclasses(index: ProjectIndex, roots: frozenset[str]) -> set[str]:
    """``roots`` plus every project class deriving from them, transitively."""
    known = set(roots)
    changed = True
    while changed:
        changed = False
        for module, f in index.modules.items():
            for cls in f.classes:
                qual = f"{module}.{cls.name}"
                if qual in known:
                    continue
                if any(index.canonical(module, b) in known for b in cls.bases):
                    known.add(qual)
                    changed = True
    return known


def _factory(
    app_ctors: list[tuple[FileFacts, Ctor]], facts: Sequence[FileFacts]
) -> FactorySite | None:
    funcs = {(f.rel, fn.qualname): fn for f in facts for fn in f.funcs}
    found: list[FactorySite] = []
    for f, ctor in app_ctors:
        if ctor.func is None:
            continue
        fn = funcs.get((f.rel, ctor.func))
        if fn is None:
            continue
        if ctor.returned or (ctor.target is not None and ctor.target in fn.returns):
            found.append(FactorySite(f.rel, fn.line, fn.qualname))
    if not found:
        return None
    named = [s for s in found if any(w in s.function.lower() for w in FACTORY_WORDS)]
    return (named or found)[0]


def _tests(test_facts: list[FileFacts], factory: FactorySite | None) -> TestsSummary:
    with_tests = [f for f in test_facts if f.tests.test_functions > 0]
    frameworks: set[str] = set()
    for f in test_facts:
        frameworks |= f.tests.frameworks
    if not with_tests:
        framework = "none"
    elif "flask-testing" in frameworks:
        framework = "flask-testing"
    elif "unittest" in frameworks and "pytest" not in frameworks:
        framework = "unittest"
    else:
        framework = "pytest"
    names: set[str] = set()
    for f in test_facts:
        names |= f.tests.names
    factory_name = factory.function.rsplit(".", 1)[-1] if factory else None
    return TestsSummary(
        present=bool(with_tests),
        framework=framework,
        files=len(with_tests),
        uses_client=any(f.tests.uses_test_client for f in test_facts),
        uses_factory=factory_name is not None and factory_name in names,
    )


def _rest_objects(index: ProjectIndex, code: Sequence[FileFacts]) -> ObjectTable:
    """flask-restx/Flask-RESTful ``Api`` objects and the namespaces attached to one.

    A ``Namespace`` registers its resources only once added to an ``Api``
    (``api.add_namespace(ns)``, or made by ``api.namespace(...)``), so an
    unattached one contributes no route.
    """
    table = ObjectTable(index, own_names=True)
    kinds = {kind: _subclasses(index, roots) for kind, roots in REST_CLASSES.items()}
    for f in code:
        for ctor in f.ctors:
            canon = index.canonical(f.module, ctor.callee)
            for kind, classes in kinds.items():
                if canon in classes:
                    table.add(f, ctor, kind, ctor.name_arg)
    attached: set[int] = set()
    made: list[tuple[FileFacts, MethodUse]] = []
    for f in code:
        for use in f.uses:
            if use.attr not in ("namespace", "add_namespace"):
                continue
            owner = table.resolve(f, use.func, use.receiver)
            if owner is None or owner.kind != RESTX_API:
                continue
            if use.attr == "namespace":
                made.append((f, use))
            elif use.view and (ns := table.resolve(f, use.func, use.view)) is not None:
                attached.add(id(ns))
    table.keep(lambda obj: obj.kind != RESTX_NAMESPACE or id(obj) in attached)
    for f, use in made:
        table.add_named(f, use.func, use.target, RESTX_NAMESPACE, use.rule)
    return table


def _is_cli(use: MethodUse) -> bool:
    if use.attr in ("command", "group"):
        return use.decorator and (use.receiver.endswith(".cli") or use.receiver == "click")
    return use.attr == "add_command" and use.receiver.endswith(".cli")


def _started_extensions(
    code: Sequence[FileFacts], own_tops: set[str], dependencies: Sequence[str]
) -> set[str]:
    """Distributions of classes started on the app (``APIFairy(app)``) that the import
    table does not know: kept when declared as a dependency or named for Flask."""
    declared = {d.replace("_", "-").lower() for d in dependencies}
    found: set[str] = set()
    for f in code:
        for top in f.init_modules - own_tops:
            if distribution_for(top) is not None:
                continue  # known to the import table, counted from the import
            dist = top.replace("_", "-").lower()
            if dist in declared or f"flask-{dist}" in declared or "flask" in dist:
                found.add(dist)
    return found


def _use_case_facts(model: FlaskModel, code: Sequence[FileFacts]) -> None:
    """What the use-case focus items read (see usecase)."""
    targets = {t for f in code for t in f.imports.values()}
    model.libraries = sorted({t.split(".", 1)[0] for t in targets})
    model.retry_adapter = any(t.endswith((".Retry", ".HTTPAdapter")) for t in targets)
    model.uses_session = bool(targets & {"flask.session", "quart.session"})
    model.status_codes = sum(f.status_codes for f in code)
    for f in code:
        for line, timed in f.outgoing:
            model.outgoing_calls.append(Site(f.rel, line))
            if not timed:
                model.untimed_calls.append(Site(f.rel, line))


def build_model(
    facts: Sequence[FileFacts], env_files: Sequence[str] = (), dependencies: Sequence[str] = ()
) -> FlaskModel:
    """The project's Flask model; test files only contribute to the tests summary."""
    index = ProjectIndex(facts)
    app_classes = _subclasses(index, APP_CLASSES)
    bp_classes = _subclasses(index, BLUEPRINT_CLASSES)
    model = FlaskModel()
    objects = ObjectTable(index)
    app_ctors: list[tuple[FileFacts, Ctor]] = []
    code = [f for f in facts if not f.is_test and f.parse_error is None]
    for f in code:
        for ctor in f.ctors:
            canon = index.canonical(f.module, ctor.callee)
            if canon in app_classes:
                model.apps.append(AppSite(f.rel, ctor.line, canon.rsplit(".", 1)[-1]))
                app_ctors.append((f, ctor))
                objects.add(f, ctor, "app", None)
            elif canon in bp_classes:
                model.blueprints.append(BlueprintSite(ctor.name_arg or "", f.rel, ctor.line))
                objects.add(f, ctor, "bp", ctor.name_arg)
    model.factory = _factory(app_ctors, code)
    sources: set[str] = set()
    extensions: set[str] = set()
    own_tops = {m.split(".", 1)[0] for m in index.modules}
    for f in code:
        extensions |= {e for e in f.extensions if e.replace("-", "_") not in own_tops}
        sources |= f.config_sources
        for use in f.uses:
            site = Site(f.rel, use.line)
            if use.attr == "register_blueprint":
                model.registered.append(site)
            elif use.attr in ("errorhandler", "app_errorhandler", "register_error_handler"):
                model.error_handlers.append(site)
            elif use.attr in CONFIG_ATTRS and use.receiver.endswith("config"):
                sources.add(use.attr)
            elif _is_cli(use):
                model.cli_commands.append(site)
    if env_files:
        sources.add("env-file")
    extensions |= _started_extensions(code, own_tops, dependencies)
    model.dependencies = list(dependencies)
    model.extensions = sorted(settle_bootstrap(extensions, dependencies) - TEST_ONLY)
    model.config_sources = sorted(sources)
    # Credit only when what must differ per deployment (signing key, database URL)
    # comes from the environment: reading the port there is not configuration.
    model.config_from_env = any(f.env_settings for f in code)
    rest_objects = _rest_objects(index, code)
    model.routes = collect_routes(code, objects, any(f.imports_flask for f in code), rest_objects)
    model.tests = _tests([f for f in facts if f.is_test and f.parse_error is None], model.factory)
    _use_case_facts(model, code)
    json_responses = sum(f.json_responses for f in code)
    model.is_api = bool(set(model.extensions) & API_EXTENSIONS) or (
        bool(model.routes) and json_responses * 2 >= len(model.routes)
    )
    return model
