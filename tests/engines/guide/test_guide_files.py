"""Guides as files: several roles side by side, added without code changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hirekit.engines.guide import USE_CASES, GuideError, load_guide, load_guides

# A complete guide for another role, written only as data: its own flags,
# weights and questions, nothing the code knows about in advance.
DJANGO_GUIDE = """
slug = "django"
role = "Django developer"
title = "How to hire a Django developer"
summary = "Django developers build database-backed sites and APIs on a full-featured framework."

[market]
region = "DE"
currency = "EUR"
senior_salary_min = 70000
senior_salary_max = 95000
hiring_difficulty = "moderate"
time_to_hire_weeks_min = 3
time_to_hire_weeks_max = 6

[[builds]]
title = "Content sites"
summary = "Editorial sites run from the admin."
examples = ["Newsrooms", "Catalogues"]

[[skills]]
title = "ORM"
summary = "Querysets and migrations."
skills = ["select_related and prefetch_related"]

[[green_flags]]
id = "orm_depth"
label = "ORM depth"
description = "Talks about query counts and migrations."

[[yellow_flags]]
id = "admin_only"
label = "Admin only"
description = "Everything listed was built in the admin."

[[glossary]]
term = "Queryset"
meaning = "A lazy database query."

[[mistakes]]
id = "framework-trivia"
title = "Trivia"
problem = "Quizzing on settings names."
fix = "Ask about a real change they shipped."

[use_cases.rest-api]
title = "APIs"
priorities = ["Serializers"]
interview_focus = "Design an endpoint."
red_flag = "Returns model dumps."
weights = { orm_depth = 2.0, admin_only = -1.0 }

[use_cases.microservices]
title = "Services"
priorities = ["Boundaries"]
interview_focus = "Split a monolith."
red_flag = "Shared database."
weights = { orm_depth = 1.0, admin_only = -2.0 }

[use_cases.full-stack]
title = "Sites"
priorities = ["Templates"]
interview_focus = "Build a form."
red_flag = "No forms."
weights = { orm_depth = 3.0, admin_only = -0.5 }

[[questions]]
id = "n-plus-one"
text = "How do you spot an N+1 query in a Django view?"
topic = "performance"
use_cases = ["rest-api", "full-stack"]
junior = "Has not heard of it."
senior = "Uses the debug toolbar and prefetch_related."
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_guide_for_another_role_loads_as_a_file(tmp_path: Path) -> None:
    guide = load_guide(_write(tmp_path, "django.toml", DJANGO_GUIDE))
    assert guide.slug == "django"
    assert guide.market.currency == "EUR"
    assert guide.market.hiring_difficulty == "moderate"
    assert [f.id for f in guide.flags] == ["orm_depth", "admin_only"]
    assert tuple(guide.use_cases) == USE_CASES
    assert guide.use_cases["full-stack"].weights == {"orm_depth": 3.0, "admin_only": -0.5}
    assert guide.questions_for("microservices") == ()
    assert guide.question("n-plus-one").red_flag == ""
    # optional sections default to empty
    assert guide.comparisons == () and guide.faq == ()
    assert guide.builds[0].companies == ()


def test_load_guides_returns_every_guide_by_slug(tmp_path: Path, flask_toml_text: str) -> None:
    _write(tmp_path, "flask.toml", flask_toml_text)
    _write(tmp_path, "django.toml", DJANGO_GUIDE)
    guides = load_guides(tmp_path)
    assert sorted(guides) == ["django", "flask"]
    assert guides["flask"].role == "Flask developer"
    assert guides["django"].role == "Django developer"


def test_load_guides_reads_only_toml_files_directly_in_the_folder(
    tmp_path: Path, flask_toml_text: str
) -> None:
    _write(tmp_path, "flask.toml", flask_toml_text)
    _write(tmp_path, "notes.md", "not a guide")
    (tmp_path / "drafts").mkdir()
    _write(tmp_path / "drafts", "django.toml", DJANGO_GUIDE)
    (tmp_path / "folder.toml").mkdir()
    assert list(load_guides(tmp_path)) == ["flask"]


def test_load_guides_of_an_empty_folder(tmp_path: Path) -> None:
    assert load_guides(tmp_path) == {}


def test_duplicate_slugs_are_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "a-django.toml", DJANGO_GUIDE)
    _write(tmp_path, "b-django.toml", DJANGO_GUIDE)
    with pytest.raises(GuideError) as caught:
        load_guides(tmp_path)
    assert str(caught.value) == (
        "b-django.toml: slug: duplicate slug 'django' (also in a-django.toml)"
    )


def test_one_broken_guide_fails_the_folder_naming_that_file(
    tmp_path: Path, flask_toml_text: str
) -> None:
    _write(tmp_path, "flask.toml", flask_toml_text)
    _write(tmp_path, "django.toml", DJANGO_GUIDE.replace('region = "DE"\n', ""))
    with pytest.raises(GuideError, match=r"^django\.toml: market\.region: missing$"):
        load_guides(tmp_path)


def test_load_guides_needs_a_directory(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="not a directory"):
        load_guides(tmp_path / "missing")
