"""Editing a kit question: its text and anchors change, the previous values are audited."""

from __future__ import annotations

from hirekit.audit.models import AuditEntry
from hirekit.extensions import db
from hirekit.interviews.services import kits
from tests.conftest import csrf_token, login


def test_a_manager_rewrites_a_question_and_its_anchors(client, panel):
    kit = kits.get_kit(panel.job.id, panel.manager)
    question = kit.questions[0]
    before_text, before_junior, guide_id = question.text, question.junior, question.guide_id
    login(client, panel.manager.email)
    page = f"/jobs/{panel.job.id}/kit"
    response = client.post(
        f"{page}/questions/{question.id}",
        data={
            "csrf_token": csrf_token(client, page),
            "text": "How would   you version this API?",
            "junior": "Puts v1 in the URL.",
            "senior": question.senior,
            "red_flag": question.red_flag,
            "topic": question.topic,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert question.text == "How would you version this API?"
    assert question.junior == "Puts v1 in the URL." and question.guide_id == guide_id
    entry = db.session.query(AuditEntry).filter_by(action="kit.question_edited").one()
    assert entry.details == {
        "question_id": question.id,
        "previous": {"text": before_text, "junior": before_junior},
    }
    assert "How would you version this API?" in client.get(page).get_data(as_text=True)


def test_an_unchanged_save_records_nothing_and_others_cannot_edit(client, panel):
    kit = kits.get_kit(panel.job.id, panel.manager)
    q = kit.questions[0]
    same = kits.QuestionFields(q.text, q.junior, q.senior, q.red_flag, q.topic)
    kits.update_question(panel.job.id, q.id, same, actor=panel.manager)
    assert db.session.query(AuditEntry).filter_by(action="kit.question_edited").count() == 0
    login(client, panel.a.email)
    token = csrf_token(client, "/profile")
    url = f"/jobs/{panel.job.id}/kit/questions/{q.id}"
    assert client.post(url, data={"csrf_token": token, "text": "Changed text"}).status_code == 403
    db.session.expire_all()
    assert q.text == same.text
