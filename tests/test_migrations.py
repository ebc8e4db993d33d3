"""The schema comes only from migrations, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from hirekit.candidates.search import SearchFilters, search_query
from hirekit.candidates.services import candidates
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.extensions import db
from hirekit.search.schema_filter import include_object


def test_migrated_schema_matches_the_models(app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_upgrade_from_empty_creates_every_table(app):
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade()
    tables = set(inspect(db.engine).get_table_names())
    assert {t.name for t in db.metadata.sorted_tables} <= tables


def test_text_indexed_before_the_per_candidate_document_is_found_after(app, make_user):
    # PostgreSQL builds one document per candidate from the per-kind rows when
    # migrating; several words, from different kinds of text, find the person.
    actor = make_user("recruiter")
    candidates.create_candidate(
        CandidateFields(name="Ines Brennan", email="ines@example.com"), actor=actor, note="htmx"
    )
    candidates.create_candidate(
        CandidateFields(name="Ivo Brennan", email="ivo@example.com"), actor=actor
    )
    db.session.commit()
    db.session.close()
    downgrade(revision="c4e8a2f61d07_pair_indexes")
    upgrade()
    actor = db.session.merge(actor)
    found = db.session.scalars(search_query(actor, SearchFilters(text="brennan htmx")))
    assert [c.name for c in found] == ["Ines Brennan"]
    found = db.session.scalars(search_query(actor, SearchFilters(text="ivo brennan")))
    assert [c.name for c in found] == ["Ivo Brennan"]
