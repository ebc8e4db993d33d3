"""REST: candidates, their duplicates and merges, notes, timeline and export."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from hirekit.accounts.auth import api_requires, api_user
from hirekit.accounts.permissions import Permission
from hirekit.api_cache import kept_while_unchanged
from hirekit.audit import services as audit
from hirekit.candidates.api_rows import candidate_rows
from hirekit.candidates.dedupe import find_duplicates
from hirekit.candidates.exports import candidate_record
from hirekit.candidates.models import Candidate
from hirekit.candidates.schemas import (
    CandidateCreateSchema,
    CandidateExportSchema,
    CandidatePatchSchema,
    CandidateSchema,
    EventSchema,
    MergeArgsSchema,
    MergePreviewArgsSchema,
    MergePreviewSchema,
    NoteSchema,
    SearchArgsSchema,
)
from hirekit.candidates.search import SearchFilters, search_query
from hirekit.candidates.services import candidates
from hirekit.candidates.services.candidates import CandidateFields
from hirekit.candidates.services.intake import (
    add_note_by_id,
    create_with_application,
    merge_by_id,
    merge_pair,
)
from hirekit.candidates.services.merge import MERGE_FIELDS
from hirekit.candidates.services.timeline import events_for
from hirekit.pagination import PageArgsSchema, paginate_rows

blp = Blueprint(
    "candidates_api", __name__, url_prefix="/api/v1", description="Candidates and their timeline"
)


@blp.route("/candidates")
class Candidates(MethodView):
    @kept_while_unchanged
    @api_requires(Permission.CANDIDATES_READ)
    @blp.arguments(SearchArgsSchema, location="query")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, CandidateSchema(many=True))
    def get(self, search: dict[str, Any], args: dict[str, int]) -> Any:
        """Search by words in name, email, tags, notes or resume; filter by job, stage, source,
        tag, screening fit and flag, and application dates"""
        filters = SearchFilters(
            text=search["q"],
            job_id=search["job_id"],
            stage_id=search["stage_id"],
            source=search["source"],
            tag=search["tag"],
            fit=search["fit"],
            flag=search["flag"],
            applied_since=search["applied_since"],
            applied_until=search["applied_until"],
        )
        user = api_user()
        page = paginate_rows(
            search_query(user, filters),
            args["page"],
            args["per_page"],
            lambda window: candidate_rows(window, user),
        )
        # Shaped as the schema dumps them (a test holds both to the same JSON).
        return jsonify(page.items), 200, page.headers()

    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(CandidateCreateSchema)
    @blp.response(201, CandidateSchema)
    def post(self, data: dict[str, Any]) -> Candidate:
        """Add a person, optionally applying to a job.

        409 with ``details.duplicates`` when the email, phone, or name and a
        link match someone; send ``allow_duplicate: true`` to create anyway.
        """
        note, job_id = data.pop("note"), data.pop("job_id")
        allow = data.pop("allow_duplicate")
        return create_with_application(
            CandidateFields(**data),
            job_id=job_id,
            note=note,
            allow_duplicate=allow,
            actor=api_user(),
        )


@blp.route("/candidates/<int:candidate_id>")
class CandidateItem(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, CandidateSchema)
    def get(self, candidate_id: int) -> Candidate:
        """One candidate (audited: reading personal data)"""
        candidate = candidates.get_candidate(candidate_id, api_user())
        audit.record_view(api_user(), "candidate", candidate.id, "api")
        return candidate

    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(CandidatePatchSchema(partial=True))
    @blp.response(200, CandidateSchema)
    def patch(self, data: dict[str, Any], candidate_id: int) -> Candidate:
        """Change some of a candidate's data (audited, and on the timeline)"""
        candidate = candidates.get_candidate(candidate_id, api_user())
        fields = replace(candidates.fields_of(candidate), **data)
        return candidates.update_candidate(candidate, fields, actor=api_user())


@blp.route("/candidates/<int:candidate_id>/duplicates")
class CandidateDuplicates(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, CandidateSchema(many=True))
    def get(self, candidate_id: int) -> list[Candidate]:
        """Other candidates who look like the same person (email, else phone, else name and link)"""
        c = candidates.get_candidate(candidate_id, api_user())
        return find_duplicates(c.name, c.email, c.phone, list(c.links), exclude_id=c.id)


@blp.route("/candidates/<int:candidate_id>/merge")
class CandidateMerge(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(MergeArgsSchema)
    @blp.response(200, CandidateSchema)
    def post(self, data: dict[str, Any], candidate_id: int) -> Candidate:
        """Fold ``source_id`` into this candidate, keeping every note, application and event"""
        return merge_by_id(
            candidate_id, data["source_id"], actor=api_user(), choices=data.get("keep") or {}
        )


@blp.route("/candidates/<int:candidate_id>/merge-preview")
class CandidateMergePreview(MethodView):
    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(MergePreviewArgsSchema, location="query")
    @blp.response(200, MergePreviewSchema)
    def get(self, args: dict[str, Any], candidate_id: int) -> dict[str, Any]:
        """Both records side by side before a merge, with the fields one may choose between;
        nothing changes until the merge is posted with its ``keep`` choices"""
        target, source = merge_pair(candidate_id, str(args["other"]), actor=api_user())
        return {"this": target, "other": source, "fields": list(MERGE_FIELDS)}


@blp.route("/candidates/<int:candidate_id>/notes")
class CandidateNotes(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, NoteSchema(many=True))
    def get(self, candidate_id: int) -> Any:
        """The candidate's notes, newest first"""
        user = api_user()
        candidate = candidates.get_candidate(candidate_id, user)
        return candidates.notes_for(candidate, candidates.visible_job_ids(user))

    @api_requires(Permission.CANDIDATES_WRITE)
    @blp.arguments(NoteSchema)
    @blp.response(201, NoteSchema)
    def post(self, data: dict[str, Any], candidate_id: int) -> Any:
        """Add a note (on the timeline too)"""
        return add_note_by_id(
            candidate_id, data["body"], application_id=data.get("application_id"), actor=api_user()
        )


@blp.route("/candidates/<int:candidate_id>/events")
class CandidateEvents(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, EventSchema(many=True))
    def get(self, candidate_id: int) -> Any:
        """The timeline, oldest first: every event with who and when; moves carry from/to stages"""
        user = api_user()
        candidate = candidates.get_candidate(candidate_id, user)
        return events_for(candidate, candidates.visible_job_ids(user))


@blp.route("/candidates/<int:candidate_id>/export")
class CandidateExport(MethodView):
    @api_requires(Permission.CANDIDATES_READ)
    @blp.response(200, CandidateExportSchema)
    def get(self, candidate_id: int) -> dict[str, Any]:
        """Everything about one person: data, applications, notes and events"""
        user = api_user()
        return candidate_record(candidates.get_candidate(candidate_id, user), user)
