"""The API candidate list, read as plain columns and shaped as :class:`CandidateSchema` dumps.

A list page of 25 candidates through ORM objects and a marshmallow dump cost
several milliseconds: building identity-mapped objects, loading their tags,
and calling a field object per value. The list needs none of that: its
columns, one query for the tags of the page, and a dict per row. The schema
stays the documented contract; a test holds both to the same JSON for the
same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from hirekit.accounts.models import User
from hirekit.candidates import blinding
from hirekit.candidates.models import Candidate, CandidateTag
from hirekit.extensions import db

#: What a list row shows, in :class:`CandidateSchema`'s terms (``tags`` comes on its own).
COLUMNS = (
    Candidate.id,
    Candidate.name,
    Candidate.email,
    Candidate.phone,
    Candidate.links,
    Candidate.source,
    Candidate.created_at,
    Candidate.updated_at,
)


def candidate_rows(query: Select[Any], viewer: User | None) -> list[dict[str, Any]]:
    """The candidates ``query`` selects (with its order, limit and offset), as API dicts."""
    # The columns of the entity the query selects, which may be an alias of
    # Candidate (a search sorted in a subquery first): Candidate's own columns
    # would name a table the query does not read.
    selected = query.selected_columns
    rows = db.session.execute(query.with_only_columns(*(selected[c.key] for c in COLUMNS))).all()
    return shape(rows, _tags_of([row.id for row in rows]), viewer)


def shape(
    rows: Sequence[Any], tags: dict[int, list[str]], viewer: User | None
) -> list[dict[str, Any]]:
    """Rows of :data:`COLUMNS` as ``CandidateSchema().dump`` gives them to ``viewer``."""
    shaped = []
    for row in rows:
        item = {
            "id": row.id,
            "name": row.name,
            "email": row.email,
            "phone": row.phone,
            "links": [str(link) for link in row.links] if row.links is not None else None,
            "tags": tags.get(row.id, []),
            "source": row.source,
            "created_at": _iso(row.created_at),
            "updated_at": _iso(row.updated_at),
            "blinded": False,
        }
        if blinding.hides(viewer, row.id):
            item.update(name=blinding.blind_id(row.id), email="", phone="", links=[], blinded=True)
        shaped.append(item)
    return shaped


def _tags_of(ids: list[int]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    if not ids:
        return tags
    query = (
        select(CandidateTag.candidate_id, CandidateTag.tag)
        .where(CandidateTag.candidate_id.in_(ids))
        .order_by(CandidateTag.tag)
    )
    for candidate_id, tag in db.session.execute(query):
        tags.setdefault(candidate_id, []).append(tag)
    return tags


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
