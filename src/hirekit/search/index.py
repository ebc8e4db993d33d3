"""Writing the search index: store text per candidate and kind, forget it.

The domains that own the text push it here (candidates their profile and notes,
screening the resume text through an event); the index knows no domain's rows.

Every write goes through ``search_documents``; the database keeps its own
full-text structure in step (triggers on both: an FTS5 row per candidate on
SQLite, a ``tsvector`` per candidate on PostgreSQL), so this module never
speaks a dialect.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, update
from sqlalchemy.orm import Session

from hirekit.db import utcnow
from hirekit.extensions import db
from hirekit.search.ddl import OPTIMIZE_FTS
from hirekit.search.models import SearchDocument

PROFILE = "profile"
NOTES = "notes"
#: Kinds written by other domains through :func:`index_candidate_text`.
RESUME = "resume"
MAX_BODY = 200_000  # characters kept per document: enough for any resume, bounded for the index


def _connection(session: Session | None) -> Connection:
    return (session or db.session).connection()


def index_candidate_text(
    candidate_id: int, kind: str, text: str, *, session: Session | None = None
) -> None:
    """Make ``text`` the searchable ``kind`` text of a candidate (empty text removes it).

    Runs in the caller's transaction; e.g. resume screening calls it with
    kind ``"resume"`` and the extracted text.
    """
    conn = _connection(session)
    body = " ".join(text.split())[:MAX_BODY]
    where = (SearchDocument.candidate_id == candidate_id) & (SearchDocument.kind == kind)
    if not body:
        conn.execute(delete(SearchDocument).where(where))
        return
    found = conn.execute(update(SearchDocument).where(where).values(body=body, updated_at=utcnow()))
    if found.rowcount == 0:
        conn.execute(insert(SearchDocument).values(candidate_id=candidate_id, kind=kind, body=body))


def profile_body(name: str, email: str, phone: str, source: str, tags: list[str]) -> str:
    """The profile document of a candidate with these fields (also used by bulk loaders)."""
    # PostgreSQL reads "ada@lab.example" as one token; its parts make "lab" findable too.
    email_parts = email.replace("@", " ").replace(".", " ")
    return " ".join([name, email, email_parts, phone, source, *tags])


def remove_candidate(candidate_id: int, *, session: Session | None = None) -> int:
    """Drop every indexed text of a candidate; returns how many documents went."""
    conn = _connection(session)
    gone = conn.execute(delete(SearchDocument).where(SearchDocument.candidate_id == candidate_id))
    return int(gone.rowcount or 0)


def purge_deleted_text(session: Session | None = None) -> None:
    """Rewrite the SQLite full-text index so removed text is gone from its pages too.

    FTS5 records deletions as tombstones beside the old segments; ``optimize``
    merges them away. PostgreSQL rewrites a candidate's ``tsvector`` with their text.
    """
    conn = _connection(session)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(OPTIMIZE_FTS)
