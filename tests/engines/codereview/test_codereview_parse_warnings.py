"""Candidate code is parsed the same whatever the caller's warning filters."""

from __future__ import annotations

import warnings
from pathlib import Path

from hirekit.engines.codereview import review


def test_invalid_escapes_parse_even_when_warnings_are_errors(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "import re\nfrom flask import Flask, Blueprint\napp = Flask(__name__)\n"
        'bp = Blueprint("x", __name__)\nPATTERN = re.compile("\\d+")\n'
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = review(tmp_path)
    assert report.stats.parse_errors == 0
    assert [b.name for b in report.model.blueprints] == ["x"]
