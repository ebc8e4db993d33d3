"""The full-text index: kept in step with candidates, tags and notes; words match as prefixes."""

from __future__ import annotations

from sqlalchemy import select

from hirekit.candidates.indexing import reindex_all
from hirekit.candidates.models import Candidate
from hirekit.candidates.services import candidates
from hirekit.extensions import db
from hirekit.search import index_candidate_text, remove_candidate, text_match
from hirekit.search.matching import fts5_phrase, query_words, tsquery_prefix
from hirekit.search.models import SearchDocument
from tests.jobs.factories import make_candidate


def found(text: str) -> set[str]:
    query = select(Candidate.name).where(text_match(Candidate.id, text))
    return set(db.session.scalars(query))


def test_name_email_and_tags_are_searchable_as_prefixes(make_user):
    actor = make_user("recruiter")
    make_candidate(actor, "Ada Lovelace", tags=["flask", "postgresql"])
    make_candidate(actor, "Grace Hopper", email="grace@navy.example", tags=["django"])
    assert found("ada") == {"Ada Lovelace"}
    assert found("postg") == {"Ada Lovelace"}
    assert found("navy") == {"Grace Hopper"}
    assert found("hopper grace") == {"Grace Hopper"}
    assert found("ada django") == set()  # every word must match


def test_notes_are_indexed_when_added(make_user):
    actor = make_user("recruiter")
    person = make_candidate(actor, "Linus Example")
    assert found("kubernetes") == set()
    candidates.add_note(person, "Ran Kubernetes clusters at scale", actor=actor)
    db.session.commit()
    assert found("kubernetes") == {"Linus Example"}


def test_editing_a_candidate_replaces_their_old_text(make_user):
    actor = make_user("recruiter")
    person = make_candidate(actor, "Old Name", email="person@example.com")
    fields = candidates.fields_of(person)
    fields.name = "New Name"
    candidates.update_candidate(person, fields, actor=actor)
    db.session.commit()
    assert found("old") == set()
    assert found("new") == {"New Name"}


def test_other_domains_push_text_by_kind(make_user):
    actor = make_user("recruiter")
    person = make_candidate(actor, "Resume Person")
    index_candidate_text(person.id, "resume", "Built a Flask-SQLAlchemy marketplace")
    db.session.commit()
    assert found("marketplace") == {"Resume Person"}
    index_candidate_text(person.id, "resume", "Now only Celery")
    assert found("marketplace") == set()
    assert found("celery") == {"Resume Person"}
    index_candidate_text(person.id, "resume", "   ")
    kinds = set(db.session.scalars(select(SearchDocument.kind)))
    assert "resume" not in kinds


def test_removing_a_candidate_empties_their_index(make_user):
    actor = make_user("recruiter")
    person = make_candidate(actor, "Gone Soon")
    assert remove_candidate(person.id) >= 1
    assert found("gone") == set()


def test_reindex_rebuilds_from_the_rows(make_user):
    actor = make_user("recruiter")
    make_candidate(actor, "Rebuilt Person", tags=["htmx"])
    db.session.execute(SearchDocument.__table__.delete())
    assert found("htmx") == set()
    assert reindex_all() == 1
    assert found("htmx") == {"Rebuilt Person"}


def test_query_syntax_in_user_text_is_only_text(make_user):
    actor = make_user("recruiter")
    make_candidate(actor, "Quote O'Brien", tags=["c++"])
    for hostile in ['"', "NOT", "ada OR", "*", "a:*", "NEAR(", "'; drop", "o'brien", "\\"]:
        found(hostile)  # never a syntax error
    assert found("o'brien") == {"Quote O'Brien"}
    assert found("***") == found("")


def test_query_words_and_quoting():
    assert query_words("  flask  -- sql ") == ["flask", "sql"]
    assert len(query_words(" ".join(["w"] * 20))) == 8
    assert fts5_phrase('say "hi"') == '"say ""hi"""*'
    assert tsquery_prefix("o'brien\\") == "'o''brien\\\\':*"
