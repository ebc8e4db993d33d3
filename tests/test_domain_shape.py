"""One vocabulary and one shape for every domain package P (``hirekit.DOMAINS``).

Names: P registers blueprints named P or P_<part> (``_api`` last for API blueprints), renders
its pages from templates/P/, keeps its tests in tests/P/.

Shape: each role lives in the module named for it, so a reader finds the same thing in the
same place in every domain (``<part>_`` prefixes split a big role, e.g. ``kit_views.py``):

- pages (``flask.Blueprint``): ``views.py``, ``<part>_views.py``
- API (flask-smorest blueprints): ``api.py``, ``<part>_api.py``; marshmallow schemas only in
  ``schemas.py``, ``<part>_schemas.py``
- tables: ``models.py``, ``<part>_models.py``; forms: ``forms.py``
- background tasks (``@task``): ``tasks.py``, ``<part>_tasks.py``
- commands (click): ``cli.py``, ``<part>_cli.py``
- business rules: ``services`` (``services.py``, or a ``services/`` package of concept
  modules once they pass one module's 500 lines); vocabulary (enums, constants): ``choices.py``

A domain with pages has ``views.py``; with an API ``api.py`` and ``schemas.py``; with tasks
``tasks.py``; with commands ``cli.py``; with tables and any page, API or command
``services``. The entry modules (views, API, commands) import from their own domain only
``services``, ``models``, ``schemas``, ``forms``, ``choices`` and the helpers named in
:data:`READ_ONLY_HELPERS`. Those are presentation helpers (formatting, parsing a query
string, a calendar file) and queries that change nothing; the test reads them to prove they
change nothing, directly or through a module of their domain other than ``services``.
Listing them is cleaner than wrapping each in a services function that only forwards the
call: a forwarder adds a name, not a rule. Whatever changes data is reached through services.

Reads the registered blueprints, the OpenAPI document, the templates each domain renders, the
folders beside them and the domains' source, so a name or a module that drifts fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from flask_smorest import Blueprint as ApiBlueprint

import hirekit
from hirekit import DOMAINS
from hirekit.api_base import PUBLISHED_TAGS

ROOT = Path(hirekit.__file__).parent
TESTS = Path(__file__).parent

#: Test folders named after a concern that spans domains, not after one domain.
CROSS_CUTTING = {
    "api": "the REST contract every API blueprint keeps",
    "browser": "pages driven through a real Chromium",
    "closing": "closing the loop with rejected candidates: emails, feedback, survey",
    "confirmations": "the confirmation step every destructive page shares",
    "corpus": "the resume and take-home corpora",
    "demo": "the demo data (hirekit.demo)",
    "engines": "the pure engines (hirekit.engines)",
    "fixtures": "files the tests read",
}


def drifted_blueprints(blueprints: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Blueprint name -> its package, for each (name, import name) breaking the rule."""
    drifted = {}
    for name, import_name in blueprints:
        domain = import_name.split(".")[1]
        if domain not in DOMAINS or (name != domain and not name.startswith(f"{domain}_")):
            drifted[name] = import_name
    return drifted


@cache
def _domain_modules(domain: str) -> tuple[tuple[Path, ast.AST], ...]:
    """Every module of the domain, parsed once for all the tests that read them."""
    return tuple(
        (path, ast.parse(path.read_text("utf-8"))) for path in sorted((ROOT / domain).rglob("*.py"))
    )


def _rendered_templates(tree: ast.AST) -> set[str]:
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) == "render_template"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def test_the_rule_catches_a_drifted_name() -> None:
    assert drifted_blueprints([("webhooks", "hirekit.integrations.views")]) == {
        "webhooks": "hirekit.integrations.views"
    }
    assert drifted_blueprints([("tasks_api", "hirekit.queue.api")]) == {
        "tasks_api": "hirekit.queue.api"
    }
    assert drifted_blueprints([("queuer", "hirekit.queue.views")]) == {
        "queuer": "hirekit.queue.views"
    }
    assert drifted_blueprints([("queue_api", "hirekit.queue.api")]) == {}


def test_every_blueprint_is_named_after_its_domain_package(app) -> None:
    ours = {n: b for n, b in app.blueprints.items() if b.import_name.startswith("hirekit.")}
    assert set(app.blueprints) - set(ours) == {"api-docs"}  # flask-smorest's own
    assert drifted_blueprints((n, b.import_name) for n, b in ours.items()) == {}
    # API blueprints, and only they, end in _api.
    assert {n for n, b in ours.items() if isinstance(b, ApiBlueprint)} == {
        n for n in ours if n.endswith("_api")
    }
    # Every URL belongs to a blueprint, so every endpoint carries its domain's name.
    assert {r.endpoint for r in app.url_map.iter_rules() if "." not in r.endpoint} == {"static"}


def test_renamed_api_blueprints_keep_their_published_openapi_tags(app, client) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    api_names = {n for n in app.blueprints if n.endswith("_api")}
    assert set(PUBLISHED_TAGS) <= api_names
    published = {PUBLISHED_TAGS.get(n, n) for n in api_names}
    assert {tag["name"] for tag in document["tags"]} == published
    used = {
        tag
        for operations in document["paths"].values()
        for operation in operations.values()
        if isinstance(operation, dict) and "tags" in operation
        for tag in operation["tags"]
    }
    assert used == published
    assert "tasks_api" in used and "queue_api" not in used


def test_template_folders_are_domains_and_each_domain_renders_only_its_own() -> None:
    folders = {p.name for p in (ROOT / "templates").iterdir() if p.is_dir()}
    assert folders <= set(DOMAINS), folders - set(DOMAINS)
    foreign = {
        f"{path.relative_to(ROOT)}: {template}"
        for domain in DOMAINS
        for path, tree in _domain_modules(domain)
        for template in _rendered_templates(tree)
        if not template.startswith(f"{domain}/")
    }
    assert foreign == set()


def test_test_folders_are_domains_or_named_cross_cutting_concerns() -> None:
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders - set(DOMAINS) - set(CROSS_CUTTING) == set()
    assert set(CROSS_CUTTING) <= folders  # no stale entry


def test_tables_live_in_models_modules() -> None:
    """A service module holds rules, not tables: every model class is in a models module."""
    misplaced = {
        f"{path.relative_to(ROOT)}: {node.name}"
        for domain in DOMAINS
        for path, tree in _domain_modules(domain)
        if path.stem != "models" and not path.stem.endswith("_models")
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(base) == "db.Model" for base in node.bases)
    }
    assert misplaced == set()


# The shape: which module holds which role, and how entry modules reach their domain.

#: The roles an entry module (views, API, commands) may import from its own domain.
ROLE_MODULES = ("services", "models", "schemas", "forms", "choices")

#: Per domain, modules its entry modules may call besides ``services``: presentation helpers
#: and queries that change nothing (``test_read_only_helpers_change_nothing`` proves it).
READ_ONLY_HELPERS: dict[str, dict[str, str]] = {
    "main": {"dashboard": "the dashboard's figures, read from the other domains"},
    "accounts": {
        "auth": "who is asking and the permission gates every domain's entries use",
        "passwords": "the minimum a password must meet",
        "permissions": "the one permission table",
        "redirects": "where a sign-in may send someone back to",
        "timezones": "time zone names, labels and wall-clock/UTC conversion",
    },
    "guides": {
        "registry": "the role guides, read from packaged files",
        "filters": "narrowing a guide's question bank",
    },
    "takehomes": {
        "candidate_page": "what a candidate's upload page shows of their invitation",
        "panel": "the take-home section of a candidate's page",
        "highlight": "syntax-highlighted evidence lines",
        "limits": "the review engine's limits, from configuration",
    },
    "jobs": {
        "checks": "the job-post check of a text against the role guide",
        "markdown": "job descriptions as sanitised HTML",
        "stage_editor": "the stage editor's rows, read from a job or from the posted form",
    },
    "candidates": {
        "api_rows": "the API's candidate list read as plain columns",
        "blinding": "who sees a candidate blind, and under what name",
        "board": "what a job's board shows",
        "dedupe": "who a new candidate may already be",
        "exports": "a pipeline as CSV, one candidate's record as JSON",
        "search": "the candidate search query from the words and filters asked",
    },
    "mail": {"placeholders": "the placeholders a template may use, checked and filled"},
    "resumes": {"highlight": "resume text with its evidence quotes marked"},
    "careers": {
        "feeds": "open postings written as Atom, JSON Feed and the aggregators' XML",
        "jsonld": "a posting as schema.org JobPosting",
        "caching": "cache headers of the public documents",
        "page_cache": "the rendered open-positions page, kept until what it shows changes",
        "status": "the applicant's own view of an application",
    },
    "interviews": {"ics": "an interview's calendar file"},
    "reports": {"filters": "a report's filter, parsed from the query string, and its choices"},
    "audit": {
        "queries": "reading the audit log: filters, pages, CSV",
        "verification": "checking the audit chain",
    },
}

_ROLE_SUFFIXES = ("views", "api", "cli", "schemas", "models", "tasks")
_ENTRY_ROLES = ("views", "api", "cli")
_WRITES = {"add", "add_all", "delete", "flush", "commit", "merge"}


def role_of(stem: str) -> str | None:
    """``views`` for views.py and kit_views.py; ``services`` for services.py; None otherwise."""
    if stem in (*_ROLE_SUFFIXES, "services", "forms", "choices"):
        return stem
    return next((r for r in _ROLE_SUFFIXES if stem.endswith(f"_{r}")), None)


def _imported_names(tree: ast.AST) -> dict[str, str]:
    """Local name -> the module it was imported from."""
    return {
        alias.asname or alias.name: node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def _decorators(tree: ast.AST) -> Iterable[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                yield ast.unparse(target)


def roles_defined(tree: ast.AST) -> set[str]:
    """The roles a module's own definitions play: pages, api, schemas, forms, tasks, cli."""
    names = _imported_names(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "Blueprint":
            found.add("api" if names.get("Blueprint") == "flask_smorest" else "views")
        if isinstance(node, ast.ClassDef):
            bases = [ast.unparse(b) for b in node.bases]
            found |= {"schemas" for b in bases if b.endswith("Schema")}
            found |= {"forms" for b in bases if b.endswith("Form")}
    for decorator in _decorators(tree):
        if decorator == "task":
            found.add("tasks")
        if decorator.startswith("click.") or decorator.endswith((".command", ".group")):
            found.add("cli")
    return found


def misplaced_roles(modules: dict[str, ast.AST]) -> set[str]:
    """``module: role`` for each definition outside the module named for its role."""
    return {
        f"{name}: {role}"
        for name, tree in modules.items()
        for role in roles_defined(tree)
        if role_of(name.rsplit(".", 1)[-1]) != role
    }


def _own_imports(domain: str, tree: ast.AST, modules: Iterable[str]) -> set[str]:
    """The modules of its own domain a module imports, as dotted names inside the domain."""
    known, prefix, found = set(modules), f"hirekit.{domain}", set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for target in targets:
            if target.startswith(f"{prefix}.") and target[len(prefix) + 1 :] in known:
                found.add(target[len(prefix) + 1 :])
    # ``from hirekit.d.services import scheduling`` names services.scheduling; keep the leaf.
    return {m for m in found if not any(o.startswith(f"{m}.") for o in found)}


def reached_directly(domain: str, modules: dict[str, ast.AST]) -> dict[str, set[str]]:
    """Entry module -> the modules of its domain it calls that are neither a role nor a helper."""
    allowed = set(READ_ONLY_HELPERS.get(domain, {}))
    reached: dict[str, set[str]] = {}
    for name, tree in modules.items():
        if role_of(name) not in _ENTRY_ROLES:
            continue
        others = {
            module
            for module in _own_imports(domain, tree, modules)
            if role_of(module.split(".")[0]) is None
            and module.split(".")[0] not in ROLE_MODULES
            and module.split(".")[0] not in allowed
        }
        if others:
            reached[name] = others
    return reached


def _writes_itself(tree: ast.AST) -> bool:
    statements = {n for n, m in _imported_names(tree).items() if m.startswith("sqlalchemy")}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = ast.unparse(node.func)
        if called.startswith("db.session.") and called.rsplit(".", 1)[1] in _WRITES:
            return True
        if called in statements & {"insert", "update", "delete"} or called == "enqueue":
            return True
    return False


def changes_data(domain: str, name: str, modules: dict[str, ast.AST]) -> bool:
    """Whether a module changes data, itself or through its domain's modules (services aside)."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in modules:
            continue
        seen.add(current)
        if _writes_itself(modules[current]):
            return True
        todo += [
            m
            for m in _own_imports(domain, modules[current], modules)
            if m.split(".")[0] not in ("services", "models")
        ]
    return False


def holds_code(tree: ast.Module) -> bool:
    """Whether a module has more than its docstring (a services package's ``__init__`` must not:
    importing one concept module would run the rest, and tasks imported there come back round)."""
    body = tree.body[1:] if tree.body and isinstance(tree.body[0], ast.Expr) else tree.body
    return bool(body)


def _modules(domain: str) -> dict[str, ast.AST]:
    return {
        ".".join(path.relative_to(ROOT / domain).with_suffix("").parts): tree
        for path, tree in _domain_modules(domain)
        if path.name != "__init__.py"
    }


def test_the_shape_rule_catches_drift() -> None:
    drifted = {
        "views": ast.parse(
            "from hirekit.interviews.services import scorecards\n"
            "from hirekit.interviews.models import Interview\n"
            "from hirekit.interviews.ics import build_ics\n"
            "from hirekit.interviews.scheduling import schedule\n"
        ),
        "api": ast.parse(
            "import marshmallow as ma\nfrom flask_smorest import Blueprint\n"
            "blp = Blueprint('interviews_api', __name__)\n"
            "class CancelSchema(ma.Schema): ...\n"
        ),
        "scheduling": ast.parse("def schedule():\n    db.session.add(1)\n"),
        "ics": ast.parse("def build_ics(): ...\n"),
        "services.scorecards": ast.parse("def save(): ...\n"),
        "models": ast.parse(""),
        "reminders": ast.parse("from hirekit.queue import enqueue\nenqueue(f)\n"),
        "calendar": ast.parse("from hirekit.interviews.reminders import x\n"),
    }
    assert reached_directly("interviews", drifted) == {"views": {"scheduling"}}
    assert misplaced_roles(drifted) == {"api: schemas"}
    assert changes_data("interviews", "scheduling", drifted)
    assert changes_data("interviews", "calendar", drifted)  # through reminders
    assert not changes_data("interviews", "ics", drifted)
    assert role_of("kit_views") == "views" and role_of("kits") is None
    assert holds_code(ast.parse('"""Rules."""\nfrom hirekit.jobs.services.jobs import get_job\n'))
    assert not holds_code(ast.parse('"""Rules."""\n'))


def test_each_role_lives_in_the_module_named_for_it() -> None:
    misplaced = {
        f"{domain}/{entry}" for domain in DOMAINS for entry in misplaced_roles(_modules(domain))
    }
    assert misplaced == set()


def test_each_domain_has_the_modules_its_roles_need() -> None:
    missing = set()
    for domain in DOMAINS:
        modules = _modules(domain)
        roles = {r for tree in modules.values() for r in roles_defined(tree)}
        has = {name.split(".")[0] for name in modules}
        needed = {r for r in ("views", "api", "tasks", "cli") if r in roles}
        needed |= {"schemas"} if "api" in roles else set()
        if "models" in has and roles & {"views", "api", "cli"}:
            needed.add("services")
        missing |= {f"{domain}/{n}" for n in needed - has}
    assert missing == set()


def test_services_packages_are_concept_modules_under_an_empty_init() -> None:
    packages = [ROOT / d / "services" for d in DOMAINS if (ROOT / d / "services").is_dir()]
    assert len(packages) >= 3  # interviews, reports and the other big ones
    with_code = {
        str(package.relative_to(ROOT))
        for package in packages
        if holds_code(ast.parse((package / "__init__.py").read_text("utf-8")))
    }
    assert with_code == set()


def test_entry_modules_reach_their_domain_through_services() -> None:
    reached = {domain: reached_directly(domain, _modules(domain)) for domain in DOMAINS}
    drift = {
        f"{domain}/{entry} -> {module}"
        for domain, entries in reached.items()
        for entry, modules in entries.items()
        for module in modules
    }
    assert drift == set()


def test_read_only_helpers_change_nothing() -> None:
    assert set(READ_ONLY_HELPERS) <= set(DOMAINS)
    writing = set()
    for domain, helpers in READ_ONLY_HELPERS.items():
        modules = _modules(domain)
        for helper in helpers:
            assert helper in modules, f"{domain}/{helper}: no such module"
            if changes_data(domain, helper, modules):
                writing.add(f"{domain}/{helper}")
    assert writing == set()
