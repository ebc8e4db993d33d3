"""Search matches only words the searcher may read: no oracle for a confidential note."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hirekit.candidates.search import SearchFilters, search_query
from hirekit.candidates.services import applications
from hirekit.candidates.services.candidates import add_note
from hirekit.extensions import db
from hirekit.jobs.services.jobs import fields_of, update_job
from tests.jobs.factories import make_candidate, make_job


def names(user: Any, text: str) -> set[str]:
    return {c.name for c in db.session.scalars(search_query(user, SearchFilters(text=text)))}


def _setting(make_user):
    admin, insider, outsider = make_user("admin"), make_user("recruiter"), make_user("recruiter")
    secret = make_job(admin, title="Secret role", confidential=True, recruiter_ids=[insider.id])
    public = make_job(admin, title="Public role")
    person = make_candidate(admin, "Zelda Quarkington")
    on_secret = applications.apply(person, secret, actor=admin)
    applications.apply(person, public, actor=admin)  # so every recruiter sees the person
    add_note(person, "Expects a salary of 187500 EUR", actor=admin, application=on_secret)
    add_note(person, "Speaks Portuguese", actor=admin)
    db.session.commit()
    return admin, insider, outsider, secret


def test_a_salary_in_a_confidential_note_is_no_oracle(app, make_user):
    _admin, _insider, outsider, _secret = _setting(make_user)
    assert names(outsider, "Zelda") == {"Zelda Quarkington"}  # the person is visible
    assert names(outsider, "Portuguese") == {"Zelda Quarkington"}  # a note they may read
    # The salary is in a note they cannot read: guessing it must find nothing.
    assert names(outsider, "187500") == set()
    assert names(outsider, "1875") == set()


def test_making_the_job_public_makes_its_notes_searchable_and_back(app, make_user):
    admin, _insider, outsider, secret = _setting(make_user)
    update_job(secret, _fields(secret, confidential=False), actor=admin)
    db.session.commit()
    assert names(outsider, "187500") == {"Zelda Quarkington"}
    update_job(secret, _fields(secret, confidential=True), actor=admin)
    db.session.commit()
    assert names(outsider, "187500") == set()


def _fields(job: Any, **changes: Any) -> Any:
    return replace(fields_of(job), **changes)
