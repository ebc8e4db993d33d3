from __future__ import annotations

from hirekit.engines.guide import Guide
from hirekit.engines.screening import analyse, blind, blind_text

RESUME = """Jane Doe
jane.doe@example.com | +44 20 7946 0958 | https://github.com/janedoe
Date of birth: 02/03/1990
Nationality: Portuguese
Marital status: Married
Gender: Female
Summary
Ms. Doe is a backend developer; she designed the Flask REST API serving 2M requests per day.
Jane wrote unit tests with pytest for her services.
Education
BSc, University of Lisbon, 2008 - 2011
"""


def test_blind_hides_identity_and_keeps_evidence(guide: Guide) -> None:
    original = analyse(RESUME, "rest-api", guide)
    hidden = blind(original)
    for secret in (
        "Jane", "Doe", "jane.doe@example.com", "7946", "github.com/janedoe", "1990",
        "Portuguese", "Married", "Female", " she ", " her ", "Ms.", "University of Lisbon",
    ):  # fmt: skip
        assert secret not in hidden.text, secret
    assert hidden.candidate.name is None and hidden.candidate.email is None
    assert hidden.blinded and hidden.to_dict()["blinded"] is True
    assert hidden.flag_ids() == original.flag_ids() and hidden.score == original.score
    for flag in (*hidden.green_flags, *hidden.yellow_flags):
        for item in flag.evidence:
            assert hidden.text[item.start : item.end] == item.quote
            assert "Jane" not in item.quote
    api = next(f for f in hidden.green_flags if f.flag == "api_design")
    assert "they designed the Flask REST API" in api.evidence[0].quote


def test_blind_text_uses_placeholders() -> None:
    out = blind_text("Mr John Smith, born in 1985. He led the team.", name="John Smith")
    assert out == "[name], [age]. They led the team."
