"""The API candidate list's plain rows give the very JSON the documented schema gives."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import g, jsonify

from hirekit.candidates.api_rows import candidate_rows
from hirekit.candidates.schemas import CandidateSchema
from hirekit.candidates.search import SearchFilters, search_query
from hirekit.candidates.services import blind_review
from hirekit.extensions import db
from tests.jobs.factories import make_candidate


def _both(viewer: Any, filters: SearchFilters) -> tuple[bytes, bytes]:
    query = search_query(viewer, filters)
    g.pop("_revealed_ids", None)
    g.api_user = viewer
    try:
        rows = jsonify(candidate_rows(query, viewer)).get_data()
        dumped = jsonify(CandidateSchema(many=True).dump(list(db.session.scalars(query))))
    finally:
        g.pop("api_user")
    return rows, dumped.get_data()


@pytest.mark.parametrize("blind", [False, True])
def test_plain_rows_and_the_schema_give_the_same_json(make_user, blind):
    admin = make_user("admin")
    viewer = make_user("recruiter")
    make_candidate(admin, "Ada Example", tags=["python", "Backend", "api"], phone="+33 6 12")
    shown = make_candidate(
        admin, "Bea Example", links=["https://github.com/bea", "https://bea.dev"], source="referral"
    )
    make_candidate(admin, "Cy Example", email="")
    if blind:
        blind_review.set_blind_review(viewer, True)
        blind_review.reveal(shown, "Checking a referral's links", actor=viewer)
        db.session.commit()
    for filters in (SearchFilters(), SearchFilters(tag="python"), SearchFilters(text="example")):
        rows, dumped = _both(viewer, filters)
        assert rows == dumped
    listed = json.loads(_both(viewer, SearchFilters())[0])
    assert sum(item["blinded"] for item in listed) == (2 if blind else 0)


def test_the_api_list_answers_what_the_schema_dumps(client, api_token):
    user, headers = api_token("admin")
    for name in ("Ada Example", "Bea Example", "Cy Example"):
        make_candidate(user, name, tags=["flask"], links=[f"https://{name[:2].lower()}.dev"])
    response = client.get("/api/v1/candidates?per_page=2&page=2", headers=headers)
    assert response.status_code == 200
    query = search_query(user, SearchFilters()).limit(2).offset(2)
    g.api_user = user
    try:
        expected = CandidateSchema(many=True).dump(list(db.session.scalars(query)))
    finally:
        g.pop("api_user")
    assert response.get_json() == expected and len(expected) == 1
    assert response.headers["X-Total-Count"] == "3"
