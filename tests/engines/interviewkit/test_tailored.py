"""Tailored questions appear for the right evidence and say why."""

from __future__ import annotations

from hirekit.engines.guide import default_guide
from hirekit.engines.interviewkit import FindingEvidence, tailored_questions

GUIDE = default_guide()


def test_each_take_home_finding_prompts_its_question():
    found = tailored_questions(
        [
            FindingEvidence("routes-in-one-module", "app.py", 1, "22 routes in one module"),
            FindingEvidence("no-tests"),
            FindingEvidence("hardcoded-secret", "config.py", 3, "SECRET_KEY literal"),
        ],
        [],
        GUIDE,
    )
    by_evidence = {q.evidence[0]: q for q in found}
    assert set(by_evidence) == {"routes-in-one-module", "no-tests", "hardcoded-secret"}
    assert "split" in by_evidence["routes-in-one-module"].question
    assert "app.py" in by_evidence["routes-in-one-module"].question
    assert "factory" in by_evidence["no-tests"].question
    assert "secrets" in by_evidence["hardcoded-secret"].question
    assert "config.py:3" in by_evidence["hardcoded-secret"].because[0]
    assert all(q.source == "take-home" for q in found)
    secrets = GUIDE.question("secrets")
    assert by_evidence["hardcoded-secret"].senior == secrets.senior


def test_resume_yellow_flag_prompts_a_testing_question():
    found = tailored_questions([], ["no_testing"], GUIDE)
    assert len(found) == 1
    q = found[0]
    assert q.topic == "testing" and q.source == "resume"
    assert q.because[0].startswith("resume yellow flag no_testing")
    assert q.guide_id == "testing-with-factory"


def test_same_guide_question_from_two_sources_is_asked_once_with_both_reasons():
    found = tailored_questions([FindingEvidence("no-tests")], ["no_testing"], GUIDE)
    assert len(found) == 1
    assert found[0].evidence == ("no-tests", "no_testing")
    assert len(found[0].because) == 2


def test_evidence_with_no_prompt_suggests_nothing():
    assert tailored_questions([FindingEvidence("unknown-rule")], ["nothing"], GUIDE) == []
    assert tailored_questions([], [], GUIDE) == []


def test_without_a_guide_questions_still_come_but_without_anchors():
    (q,) = tailored_questions([FindingEvidence("no-tests")], [])
    assert q.guide_id == "" and q.junior == ""
