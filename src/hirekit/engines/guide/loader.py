"""Load role guides from TOML files and validate them completely.

A guide is read once at start and then trusted by screening, take-home
review, interview kits and the pages, so every mistake in the file (missing
or misspelt key, wrong type, unknown flag in a weight, impossible range) is
rejected here with the file and the exact field path in the message.
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hirekit.engines.guide.model import FLAG_KINDS, Guide, MarketSnapshot
from hirekit.engines.guide.reader import KEBAB_ID, GuideError, Table, keys_of, require_unique
from hirekit.engines.guide.sections import (
    build_builds,
    build_comparisons,
    build_faq,
    build_flags,
    build_glossary,
    build_market,
    build_mistakes,
    build_questions,
    build_skills,
    build_use_cases,
)

__all__ = ["GuideError", "default_guide", "load_guide", "load_guides", "parse_guide"]

# The package that ships guide files; reached as data, never imported here,
# because engines stay independent of the rest of hirekit.
_PACKAGED_GUIDES = "hirekit.guides"
_DEFAULT_GUIDE_FILE = "flask.toml"


def parse_guide(data: Mapping[str, Any], source: str = "<guide>") -> Guide:
    """Build a :class:`Guide` from parsed TOML ``data``.

    ``source`` names the origin in error messages. Raises :class:`GuideError`
    on the first problem found, naming its field path.
    """
    root = Table(data, source, "", keys_of(Guide))
    by_kind = {kind: build_flags(root, kind) for kind in FLAG_KINDS}
    ids = [
        (f"{kind}_flags[{i}].id", flag.id)
        for kind, group in by_kind.items()
        for i, flag in enumerate(group)
    ]
    require_unique(source, ids, "flag id")
    return Guide(
        slug=root.ident("slug", KEBAB_ID, "kebab-case"),
        role=root.text("role"),
        title=root.text("title"),
        summary=root.text("summary"),
        market=build_market(root.table("market", keys_of(MarketSnapshot))),
        builds=build_builds(root),
        skills=build_skills(root),
        green_flags=by_kind["green"],
        yellow_flags=by_kind["yellow"],
        glossary=build_glossary(root),
        mistakes=build_mistakes(root),
        use_cases=build_use_cases(root, (*by_kind["green"], *by_kind["yellow"])),
        questions=build_questions(root),
        comparisons=build_comparisons(root),
        faq=build_faq(root),
    )


def load_guide(path: str | Path) -> Guide:
    """Read and validate the guide file at ``path``.

    Errors (unreadable file, TOML syntax, schema) are :class:`GuideError`
    whose message starts with the file name.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GuideError.at(path.name, "", f"cannot read file: {exc}") from exc
    return _parse_text(text, path.name)


def _parse_text(text: str, source: str) -> Guide:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GuideError.at(source, "", f"invalid TOML: {exc}") from exc
    return parse_guide(data, source)


@functools.cache
def default_guide() -> Guide:
    """The packaged Flask developer guide, parsed once per process."""
    resource = importlib.resources.files(_PACKAGED_GUIDES) / _DEFAULT_GUIDE_FILE
    return _parse_text(resource.read_text(encoding="utf-8"), _DEFAULT_GUIDE_FILE)


def load_guides(directory: str | Path) -> dict[str, Guide]:
    """Every ``*.toml`` directly inside ``directory``, keyed by guide slug.

    Files are read in name order; two files declaring the same slug are an
    error, since one would silently hide the other.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise GuideError.at(str(directory), "", "not a directory")
    guides: dict[str, Guide] = {}
    origins: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        if not path.is_file():
            continue
        guide = load_guide(path)
        if guide.slug in guides:
            problem = f"duplicate slug {guide.slug!r} (also in {origins[guide.slug]})"
            raise GuideError.at(path.name, "slug", problem)
        guides[guide.slug] = guide
        origins[guide.slug] = path.name
    return guides
