"""Text written by other domains reaches the index: screened resumes, merged candidates."""

from __future__ import annotations

import io

from sqlalchemy import select

from hirekit.candidates.models import Candidate
from hirekit.candidates.services import candidates
from hirekit.candidates.services.intake import merge_by_id
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.resumes.services.uploads import Upload, upload_for_candidate
from hirekit.search import text_match
from tests.jobs.factories import make_candidate
from tests.resumes.samples import resume_lines


def found(text: str) -> set[str]:
    return set(db.session.scalars(select(Candidate.name).where(text_match(Candidate.id, text))))


def test_a_word_only_in_a_screened_resume_finds_the_candidate(make_user):
    me = make_user("recruiter")
    person = make_candidate(me, "Rhea Example", email="rhea@example.com")
    make_candidate(me, "Other Example")
    lines = [*resume_lines("Rhea Example", "rhea@example.com"), "Maintained Quuxframe plugins."]
    upload = Upload("rhea.txt", io.BytesIO(("\n".join(lines) + "\n").encode()))
    upload_for_candidate(person.id, upload, actor=me)
    db.session.commit()
    assert found("quuxframe") == set()  # not before it is screened
    drain()
    assert found("quuxframe") == {"Rhea Example"}
    assert found("quuxfr plugins") == {"Rhea Example"}


def test_merging_refreshes_the_kept_candidates_index(make_user):
    me = make_user("recruiter")
    keep = make_candidate(me, "Kept Example", email="kept@example.com")
    gone = make_candidate(me, "Gone Example", email="", tags=["zeppelin-ops"])
    candidates.add_note(gone, "Knows Zanzibar routing well", actor=me)
    db.session.commit()
    assert found("zanzibar") == {"Gone Example"}
    merge_by_id(keep.id, gone.id, actor=me)
    db.session.commit()
    assert found("zanzibar") == {"Kept Example"}  # the note moved with a bulk update
    assert found("zeppelin") == {"Kept Example"}
    assert found("gone") == set()
