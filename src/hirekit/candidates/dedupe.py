"""Who a new candidate may already be: same email, else same phone, else name and a link."""

from __future__ import annotations

from sqlalchemy import func, select

from hirekit.candidates.models import Candidate
from hirekit.extensions import db


def find_duplicates(
    name: str, email: str, phone: str, links: list[str], *, exclude_id: int | None = None
) -> list[Candidate]:
    """Existing candidates matching normalised values, strongest evidence first.

    Email decides alone when given and matched; phone likewise. A shared name
    is only a match with a shared profile link, since names repeat.
    """

    def run(*conditions: object) -> list[Candidate]:
        query = select(Candidate).where(*conditions).order_by(Candidate.id)  # type: ignore[arg-type]
        if exclude_id is not None:
            query = query.where(Candidate.id != exclude_id)
        return list(db.session.scalars(query))

    if email:
        found = run(Candidate.email == email)
        if found:
            return found
    if phone:
        found = run(Candidate.phone == phone)
        if found:
            return found
    if name and links:
        wanted = {_link_key(link) for link in links}
        same_name = run(func.lower(Candidate.name) == name.lower())
        return [c for c in same_name if wanted & {_link_key(link) for link in c.links}]
    return []


def _link_key(link: str) -> str:
    # "https://github.com/Ana/" and "http://github.com/ana" are the same profile.
    return link.lower().split("://", 1)[-1].rstrip("/")
