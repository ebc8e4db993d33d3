from __future__ import annotations

import dataclasses

from hirekit.engines.guide import Guide
from hirekit.engines.screening import analyse

STRONG = (
    "Freelance projects\nPython developer.\n"
    "Designed the Flask REST API serving 2M requests per day.\n"
    "Organised the Flask app with blueprints.\nUsed Flask-SQLAlchemy models.\n"
    "Wrote unit tests with pytest."
)
KEYS = {
    "schema_version", "file", "error", "candidate", "mentions_flask", "years_experience",
    "skills", "green_flags", "yellow_flags", "use_case", "score", "fit", "explanation",
}  # fmt: skip


def test_json_shape(guide: Guide) -> None:
    data = analyse(STRONG, "rest-api", guide, "cv.txt").to_dict()
    assert set(data) >= KEYS and "text" not in data
    assert data["schema_version"] == 1 and data["file"] == "cv.txt" and data["error"] is None
    assert set(data["candidate"]) == {"name", "name_status", "email", "phone", "links"}
    flag = data["green_flags"][0]
    assert set(flag) == {"flag", "evidence", "confidence"}
    assert set(flag["evidence"][0]) == {"quote", "start", "end"}
    assert analyse(STRONG, "rest-api", guide).to_dict(include_text=True)["text"] == STRONG


def test_score_and_fit_follow_the_use_case_weights(guide: Guide) -> None:
    scores = {uc: analyse(STRONG, uc, guide) for uc in ("rest-api", "microservices", "full-stack")}
    assert all(r.fit == "strong" for r in scores.values())
    weak = analyse("Python scripts for reports.", "rest-api", guide)
    assert weak.fit == "no" and weak.score < scores["rest-api"].score
    # Yellow flags take points off, each one shown, and the lines add up.
    yellow = [c for c in weak.contributions if c.source in weak.flag_ids()]
    assert yellow and all(c.points < 0 for c in yellow)
    assert any(line.endswith(f"{yellow[0].points:+d}") for line in weak.explanation)
    assert sum(c.points for c in weak.contributions) == weak.score
    zero = {"rest-api": {k: 0.0 for k in guide.use_cases["rest-api"].weights}}
    use_cases = {
        **guide.use_cases,
        **{k: dataclasses.replace(guide.use_cases[k], weights=v) for k, v in zero.items()},
    }
    flat = dataclasses.replace(guide, use_cases=use_cases)
    # With every weight at zero only the fit band's base is left.
    assert analyse(STRONG, "rest-api", flat).score == 70


def test_years_never_change_the_score(guide: Guide) -> None:
    with_years = analyse(STRONG + "\nExperience\nAcme, 2004 - 2020", "rest-api", guide)
    without = analyse(STRONG, "rest-api", guide)
    assert with_years.years_experience and without.years_experience is None
    assert with_years.score == without.score
