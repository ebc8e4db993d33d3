"""One vocabulary: a domain package P registers blueprints named P or P_<part> (``_api`` last
for API blueprints), renders its pages from templates/P/, keeps its tests in tests/P/ and its
tables in models modules.

Reads the registered blueprints, the OpenAPI document, the templates each domain renders and
the folders beside them, so a name that drifts from its package fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
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


def _domain_modules(domain: str) -> Iterable[tuple[Path, ast.AST]]:
    for path in sorted((ROOT / domain).rglob("*.py")):
        yield path, ast.parse(path.read_text("utf-8"))


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
