"""Exporting a candidate: one zip with everything hirekit holds about them, as JSON and files."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from hirekit.accounts.models import User
from hirekit.accounts.permissions import Permission
from hirekit.audit import services as audit
from hirekit.candidates.services import get_candidate
from hirekit.db import utcnow
from hirekit.errors import Forbidden
from hirekit.privacy.collectors import Section, collect_everything
from hirekit.storage import file_store

DATA_FILE = "candidate.json"


@dataclass(frozen=True)
class CandidateExport:
    filename: str
    data: bytes


def _document(candidate_id: int, sections: list[Section], files: list[str]) -> dict[str, Any]:
    return {
        "format": "hirekit-candidate-export/1",
        "exported_at": utcnow().isoformat(),
        "candidate_id": candidate_id,
        "sections": {s.name: s.records for s in sections},
        "files": files,
    }


def _audit(actor: User, candidate_id: int, files: int) -> None:
    audit.record(
        "candidate.exported",
        actor=actor,
        subject_type="candidate",
        subject_id=candidate_id,
        details={"files": files},
    )


def _sections(candidate_id: int, actor: User) -> list[Section]:
    if not actor.can(Permission.PRIVACY_MANAGE):
        raise Forbidden("Your role does not allow exporting candidates.")
    get_candidate(candidate_id, actor)  # NotFound for people the actor may not see
    return collect_everything(candidate_id)


def export_document(candidate_id: int, *, actor: User) -> dict[str, Any]:
    """The export's JSON alone, naming the files the zip would hold; audited."""
    sections = _sections(candidate_id, actor)
    files = [f"files/{name}" for s in sections for name, _key in s.files]
    _audit(actor, candidate_id, len(files))
    return _document(candidate_id, sections, files)


def export_candidate(candidate_id: int, *, actor: User) -> CandidateExport:
    """Build the zip (``candidate.json`` plus ``files/...``); audited as ``candidate.exported``."""
    sections = _sections(candidate_id, actor)
    store, names = file_store(), []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            for name, key in section.files:
                path = store.path(key)
                if path.is_file():
                    archive.write(path, f"files/{name}")
                    names.append(f"files/{name}")
        document = _document(candidate_id, sections, names)
        archive.writestr(DATA_FILE, json.dumps(document, indent=2, ensure_ascii=False, default=str))
    _audit(actor, candidate_id, len(names))
    return CandidateExport(f"candidate-{candidate_id}.zip", buffer.getvalue())
