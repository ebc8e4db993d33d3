"""Which files of a project are read, and in which role."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hirekit.engines.codereview.limits import ArchiveRefused, Deadline, Limits

#: Folders never read: environments, vendored packages, build output, VCS data.
SKIP_DIRS = frozenset(
    {
        "venv",
        ".venv",
        "env",
        "site-packages",
        "node_modules",
        ".git",
        "__pycache__",
        "build",
        "dist",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".eggs",
        "__MACOSX",
    }
)
TEST_DIRS = frozenset({"tests", "test"})
DEPENDENCY_FILES = frozenset({"pyproject.toml", "setup.cfg", "setup.py", "Pipfile"})
ENV_FILES = frozenset({".flaskenv", ".env.example"})
TEMPLATE_SUFFIXES = frozenset({".html", ".htm", ".jinja", ".jinja2", ".j2", ".xml"})


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute, for reading
    rel: str  # POSIX path relative to the project root
    is_test: bool


@dataclass
class ProjectFiles:
    python: list[SourceFile] = field(default_factory=list)
    dependencies: list[SourceFile] = field(default_factory=list)
    env: list[SourceFile] = field(default_factory=list)
    templates: list[SourceFile] = field(default_factory=list)
    #: ``*.cfg`` files (Python when the app loads one with ``config.from_pyfile``) and
    #: YAML settings files
    configs: list[SourceFile] = field(default_factory=list)
    too_large: list[str] = field(default_factory=list)


def is_test_path(rel: PurePosixPath) -> bool:
    """Test files: anything under a tests/test folder, or a pytest/unittest file name."""
    if any(part in TEST_DIRS for part in rel.parts[:-1]):
        return True
    name = rel.name
    return (
        (name.startswith("test_") and name.endswith(".py"))
        or name.endswith("_test.py")
        or name in ("conftest.py", "tests.py")
    )


def _skip_dir(path: Path, name: str) -> bool:
    return name in SKIP_DIRS or (path / name / "pyvenv.cfg").exists()


def _role(
    found: ProjectFiles, name: str, in_templates: bool, in_requirements: bool = False
) -> list[SourceFile] | None:
    """The list a file named ``name`` belongs to, by name; None when it is not read.

    ``in_requirements``: the file is under a ``requirements/`` folder (``base.txt``).
    """
    if name.endswith(".py"):
        return found.python
    if name in DEPENDENCY_FILES or (
        (in_requirements or name.startswith("requirements")) and name.endswith(".txt")
    ):
        return found.dependencies
    if name in ENV_FILES:
        return found.env
    if name.endswith((".cfg", ".yml", ".yaml")):
        return found.configs
    if in_templates and PurePosixPath(name).suffix in TEMPLATE_SUFFIXES:
        return found.templates
    return None


def collect(root: Path, limits: Limits, deadline: Deadline) -> ProjectFiles:
    """Walk ``root`` (never following links) and sort the files the review reads."""
    found = ProjectFiles()
    seen = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _skip_dir(here, d))
        seen += len(filenames)
        if seen > limits.files:
            raise ArchiveRefused(f"project holds more than {limits.files} files")
        deadline.check()
        rel_dir = PurePosixPath(here.relative_to(root).as_posix())
        prefix = "" if not rel_dir.parts else f"{rel_dir}/"
        in_templates = "templates" in rel_dir.parts
        in_requirements = "requirements" in rel_dir.parts
        for name in sorted(filenames):
            # Only files the review reads cost a Path and system calls.
            wanted = _role(found, name, in_templates, in_requirements)
            if wanted is None:
                continue
            path = here / name
            if path.is_symlink():
                continue
            _add(found, wanted, path, PurePosixPath(prefix + name), limits)
    return found


def _add(
    found: ProjectFiles,
    wanted: list[SourceFile],
    path: Path,
    rel: PurePosixPath,
    limits: Limits,
) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return
    if size > limits.source_file_bytes:
        found.too_large.append(str(rel))
        return
    wanted.append(SourceFile(path, str(rel), is_test_path(rel)))
    if rel.name == "setup.py":
        # setup.py is Python as well as a dependency list.
        found.python.append(SourceFile(path, str(rel), False))


def module_name(rel: str) -> str:
    """Dotted module name of a project-relative .py path, ``pkg/__init__.py`` -> ``pkg``."""
    name = rel.rpartition("/")[2]
    plain = not rel.startswith("/") and "//" not in rel and "/." not in "/" + rel
    if plain and name.endswith(".py") and len(name) > 3:
        # The common case without the cost of a PurePosixPath.
        parts = rel[:-3].split("/")
    else:
        parts = list(PurePosixPath(rel).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    if parts and parts[0] == "src" and len(parts) > 1:
        parts = parts[1:]
    return ".".join(parts)
