"""Bombs through the bulk upload and the careers form: a clear refusal, memory
bounded, and nothing already stored lost."""

from __future__ import annotations

import io

from sqlalchemy import func, select

from hirekit.candidates.models import Candidate
from hirekit.extensions import db
from hirekit.queue.runner import drain
from hirekit.resumes.files import ZipLimits, expand
from hirekit.resumes.models import Resume, ResumeBatch
from tests.archive_bombs import bzip2_bomb_zip, deflate_zeros_zip, docx_bomb, peak_growth
from tests.conftest import csrf_token
from tests.resumes.samples import docx_resume, open_job, text_resume

MB = 1024 * 1024


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def _post(client, job_id, files):
    token = csrf_token(client, f"/jobs/{job_id}/resumes")
    data = {"csrf_token": token, "files": [(io.BytesIO(b), name) for name, b in files]}
    return client.post(f"/jobs/{job_id}/resumes", data=data, content_type="multipart/form-data")


def test_sixty_members_of_ten_mb_in_a_small_zip_are_refused_whole():
    bomb = deflate_zeros_zip(60, 10 * MB)
    assert len(bomb) < 0.7 * MB
    setup = "from hirekit.resumes.files import expand"
    action = """
items = expand("cvs.zip", data, 10 * 1024 * 1024)
result["items"] = [getattr(i, "code", "kept") for i in items]
result["message"] = getattr(items[0], "message", "")
"""
    result, growth = peak_growth(setup, action, bomb)
    assert result["items"] == ["zip-bomb"], result
    assert "200:1" in str(result["message"])
    assert growth < 64 * MB, growth


def test_a_bulk_zip_is_bounded_in_total_as_well():
    members = deflate_zeros_zip(4, 900 * 1024)  # under the ratio floor each
    items = expand("cvs.zip", members, 10 * MB, ZipLimits(max_unpacked_bytes=2 * MB))
    assert [getattr(i, "code", "kept") for i in items] == ["too-large"]
    assert "unpacks to more than 2 MB" in items[0].message


def test_a_bzip2_member_lying_about_its_size_is_refused_not_inflated():
    items = expand("cvs.zip", bzip2_bomb_zip(blocks=6, claimed=900, name="cv.pdf"), 10 * MB)
    assert [getattr(i, "code", "kept") for i in items] == ["zip-bomb"]


def test_a_bomb_in_a_bulk_upload_keeps_what_was_stored(client, login_as):
    job = open_job(login_as("recruiter"))
    first = [("ana.txt", text_resume("Ana Lovelace", "ana@example.com"))]
    assert _post(client, job.id, first).status_code == 302
    drain()
    # 40 x 10 MB: the test client spools bodies past 500 KB to a file it never closes.
    response = _post(client, job.id, [("cvs.zip", deflate_zeros_zip(40, 10 * MB))])
    assert response.status_code == 422
    assert "cvs.zip" in response.get_data(as_text=True)
    assert _count(ResumeBatch) == 1 and _count(Resume) == 1 and _count(Candidate) == 1
    assert db.session.scalars(select(Resume)).one().status == "screened"


def test_a_docx_bomb_through_the_careers_form_is_refused_and_nothing_lost(client, make_user):
    job = open_job(make_user("recruiter"))
    bomb = docx_bomb(docx_resume("Eve Bomb", "eve@example.com"), blocks=6)
    token = csrf_token(client, f"/careers/{job.id}")
    form = {
        "csrf_token": token,
        "name": "Eve Bomb",
        "email": "eve@example.com",
        "consent": "y",
        "website": "",
        "resume": (io.BytesIO(bomb), "cv.docx"),
    }
    response = client.post(f"/careers/{job.id}", data=form, content_type="multipart/form-data")
    assert response.status_code in (302, 422)
    drain()
    resumes = list(db.session.scalars(select(Resume)))
    # Either refused at the door or stored and reported: never screened from a bomb.
    for resume in resumes:
        assert resume.status == "failed" and resume.error_code == "too-large"
    setup = "from hirekit.engines.screening import screen"
    action = 'result["error"] = screen(data).error.code'
    result, growth = peak_growth(setup, action, bomb)
    assert result["error"] == "too-large" and growth < 48 * MB, growth
