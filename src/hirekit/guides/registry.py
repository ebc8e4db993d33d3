"""The role guides this app serves: the packaged ones plus any in ``HIREKIT_GUIDES_DIR``."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from flask import Flask, current_app

from hirekit.engines.guide import Guide, GuideError, load_guides
from hirekit.errors import NotFound

EXTENSION_KEY = "hirekit.guides"
PACKAGED_DIR = Path(__file__).parent


def init_guides(app: Flask) -> None:
    """Load and validate every guide once; a malformed file stops the start with its error."""
    found = load_guides(PACKAGED_DIR)
    extra = app.config.get("GUIDES_DIR")
    if extra:
        for slug, guide in load_guides(Path(extra)).items():
            if slug in found:
                raise GuideError(f"{extra}: guide slug {slug!r} is already provided by hirekit")
            found[slug] = guide
    app.extensions[EXTENSION_KEY] = found


def all_guides() -> dict[str, Guide]:
    return cast(dict[str, Guide], current_app.extensions[EXTENSION_KEY])


def get_guide(slug: str) -> Guide:
    try:
        return all_guides()[slug]
    except KeyError:
        raise NotFound(f"No role guide named {slug!r}") from None


def default_guide() -> Guide:
    return get_guide("flask")
