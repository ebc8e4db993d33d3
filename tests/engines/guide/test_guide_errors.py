"""Each class of malformed guide is rejected with the file and field path named."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hirekit.engines.guide import GuideError, load_guide, parse_guide

Data = dict[str, Any]


def _drop_junior(d: Data) -> None:
    del d["questions"][3]["junior"]


def _drop_market(d: Data) -> None:
    del d["market"]


def _drop_use_case(d: Data) -> None:
    del d["use_cases"]["full-stack"]


def _drop_weight(d: Data) -> None:
    del d["use_cases"]["microservices"]["weights"]["testing"]


def _salary_as_text(d: Data) -> None:
    d["market"]["senior_salary_min"] = "145k"


def _salary_as_bool(d: Data) -> None:
    d["market"]["senior_salary_max"] = True


def _use_cases_as_string(d: Data) -> None:
    d["questions"][0]["use_cases"] = "rest-api"


def _weight_as_text(d: Data) -> None:
    d["use_cases"]["rest-api"]["weights"]["api_design"] = "high"


def _flags_as_table(d: Data) -> None:
    d["green_flags"] = {"id": "testing"}


def _blank_label(d: Data) -> None:
    d["green_flags"][1]["label"] = "   "


def _empty_priorities(d: Data) -> None:
    d["use_cases"]["full-stack"]["priorities"] = []


def _misspelt_question_key(d: Data) -> None:
    d["questions"][2]["junoir"] = d["questions"][2].pop("junior")


def _misspelt_optional_key(d: Data) -> None:
    d["questions"][4]["redflag"] = d["questions"][4].pop("red_flag")


def _unknown_top_level_key(d: Data) -> None:
    d["questoins"] = []


def _kind_inside_flag(d: Data) -> None:
    d["yellow_flags"][0]["kind"] = "green"


def _bogus_weight(d: Data) -> None:
    d["use_cases"]["rest-api"]["weights"]["bogus_flag"] = 1.0


def _flipped_sign(d: Data) -> None:
    d["use_cases"]["rest-api"]["weights"]["no_testing"] = 2.0


def _zero_green_weight(d: Data) -> None:
    d["use_cases"]["full-stack"]["weights"]["testing"] = 0


def _extra_use_case(d: Data) -> None:
    d["use_cases"]["web"] = d["use_cases"]["full-stack"]


def _question_bad_use_case(d: Data) -> None:
    d["questions"][1]["use_cases"] = ["rest-api", "web"]


def _question_repeated_use_case(d: Data) -> None:
    d["questions"][1]["use_cases"] = ["rest-api", "rest-api"]


def _bad_topic(d: Data) -> None:
    d["questions"][6]["topic"] = "graphql"


def _duplicate_question(d: Data) -> None:
    d["questions"][5]["id"] = d["questions"][0]["id"]


def _duplicate_flag_across_kinds(d: Data) -> None:
    d["yellow_flags"][4]["id"] = "testing"


def _duplicate_mistake(d: Data) -> None:
    d["mistakes"][3]["id"] = d["mistakes"][1]["id"]


def _duplicate_term(d: Data) -> None:
    d["glossary"][6]["term"] = "blueprint"


def _non_kebab_question_id(d: Data) -> None:
    d["questions"][0]["id"] = "Flask_Philosophy"


def _salary_min_above_max(d: Data) -> None:
    d["market"]["senior_salary_min"] = 200_000


def _weeks_min_above_max(d: Data) -> None:
    d["market"]["time_to_hire_weeks_min"] = 6


def _bad_difficulty(d: Data) -> None:
    d["market"]["hiring_difficulty"] = "brutal"


def _bad_currency(d: Data) -> None:
    d["market"]["currency"] = "dollars"


CASES: list[tuple[Callable[[Data], None], str]] = [
    (_drop_junior, "questions[3].junior: missing"),
    (_drop_market, "market: missing"),
    (_drop_use_case, "use_cases.full-stack: missing"),
    (_drop_weight, "use_cases.microservices.weights.testing: missing"),
    (_salary_as_text, "market.senior_salary_min: expected an integer, got string"),
    (_salary_as_bool, "market.senior_salary_max: expected an integer, got boolean"),
    (_use_cases_as_string, "questions[0].use_cases: expected an array of strings, got string"),
    (_weight_as_text, "use_cases.rest-api.weights.api_design: expected a number, got string"),
    (_flags_as_table, "green_flags: expected an array of tables, got table"),
    (_blank_label, "green_flags[1].label: must not be empty"),
    (_empty_priorities, "use_cases.full-stack.priorities: must not be empty"),
    (_misspelt_question_key, "questions[2].junoir: unknown key (did you mean 'junior'?)"),
    (_misspelt_optional_key, "questions[4].redflag: unknown key (did you mean 'red_flag'?)"),
    (_unknown_top_level_key, "questoins: unknown key (did you mean 'questions'?)"),
    (_kind_inside_flag, "yellow_flags[0].kind: unknown key"),
    (_bogus_weight, "use_cases.rest-api.weights.bogus_flag: unknown flag id"),
    (
        _flipped_sign,
        "use_cases.rest-api.weights.no_testing: a yellow flag's weight must be negative",
    ),
    (
        _zero_green_weight,
        "use_cases.full-stack.weights.testing: a green flag's weight must be positive",
    ),
    (
        _extra_use_case,
        "use_cases.web: unknown use case (expected exactly: rest-api, microservices, full-stack)",
    ),
    (_question_bad_use_case, "questions[1].use_cases[1]: unknown use case 'web'"),
    (_question_repeated_use_case, "questions[1].use_cases[1]: duplicate entry 'rest-api'"),
    (_bad_topic, "questions[6].topic: 'graphql' is not one of: philosophy, app-structure"),
    (
        _duplicate_question,
        "questions[5].id: duplicate question id 'flask-philosophy' (first at questions[0].id)",
    ),
    (
        _duplicate_flag_across_kinds,
        "yellow_flags[4].id: duplicate flag id 'testing' (first at green_flags[5].id)",
    ),
    (
        _duplicate_mistake,
        "mistakes[3].id: duplicate id 'ignoring-architecture' (first at mistakes[1].id)",
    ),
    (_duplicate_term, "glossary[6].term: duplicate term 'blueprint' (first at glossary[0].term)"),
    (_non_kebab_question_id, "questions[0].id: 'Flask_Philosophy' is not a kebab-case id"),
    (_salary_min_above_max, "market.senior_salary_min: must be <= senior_salary_max (190000)"),
    (_weeks_min_above_max, "market.time_to_hire_weeks_min: must be <= time_to_hire_weeks_max (5)"),
    (_bad_difficulty, "market.hiring_difficulty: 'brutal' is not one of: easy, moderate, hard"),
    (_bad_currency, "market.currency: 'dollars' is not an ISO 4217 code"),
]


@pytest.mark.parametrize(("breaks", "expected"), CASES, ids=[c[0].__name__[1:] for c in CASES])
def test_malformed_guide_names_file_and_field(
    flask_data: Data, breaks: Callable[[Data], None], expected: str
) -> None:
    breaks(flask_data)
    with pytest.raises(GuideError) as caught:
        parse_guide(flask_data, "flask.toml")
    assert str(caught.value).startswith(f"flask.toml: {expected}")
    assert isinstance(caught.value, ValueError)


def test_error_exposes_its_parts(flask_data: Data) -> None:
    _drop_junior(flask_data)
    with pytest.raises(GuideError) as caught:
        parse_guide(flask_data, "flask.toml")
    error = caught.value
    assert (error.source, error.path, error.problem) == (
        "flask.toml",
        "questions[3].junior",
        "missing",
    )


def test_default_source_name(flask_data: Data) -> None:
    _drop_market(flask_data)
    with pytest.raises(GuideError, match=r"^<guide>: market: missing$"):
        parse_guide(flask_data)


def test_bad_toml_syntax_names_the_file_and_line(tmp_path: Path, flask_toml_text: str) -> None:
    broken = flask_toml_text.replace('region = "US"', 'region = "US', 1)
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    message = str(caught.value)
    assert message.startswith("broken.toml: invalid TOML: ")
    line = flask_toml_text.splitlines().index('region = "US"') + 1
    assert f"line {line}" in message


def test_file_errors_from_load_guide_name_the_file(tmp_path: Path, flask_toml_text: str) -> None:
    path = tmp_path / "flask.toml"
    path.write_text(flask_toml_text.replace('hiring_difficulty = "hard"', ""), encoding="utf-8")
    with pytest.raises(GuideError, match=r"^flask\.toml: market\.hiring_difficulty: missing$"):
        load_guide(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match=r"^absent\.toml: cannot read file"):
        load_guide(tmp_path / "absent.toml")


def test_root_that_is_not_a_table() -> None:
    with pytest.raises(GuideError, match=r"^x\.toml: expected a table, got array$"):
        parse_guide([], "x.toml")  # type: ignore[arg-type]


# Keys a guide may leave out; everything else is required.
_OPTIONAL = re.compile(
    r"^(comparisons|faq|builds\[\d+\]\.companies|(skills|questions)\[\d+\]\.red_flag)$"
)


def _key_paths(value: object, path: str = "") -> Iterator[tuple[str, tuple[str | int, ...]]]:
    """Every table key in parsed TOML, as (error path, route of keys/indexes)."""

    def walk(node: object, shown: str, route: tuple[str | int, ...]) -> Iterator[Any]:
        if isinstance(node, dict):
            for key, child in node.items():
                child_shown = f"{shown}.{key}" if shown else key
                yield child_shown, (*route, key)
                yield from walk(child, child_shown, (*route, key))
        elif isinstance(node, list):
            for i, child in enumerate(node):
                if isinstance(child, dict):
                    yield from walk(child, f"{shown}[{i}]", (*route, i))

    yield from walk(value, path, ())


def test_every_required_key_is_reported_by_its_path_when_removed(flask_data: Data) -> None:
    checked = 0
    for shown, route in _key_paths(flask_data):
        data = copy.deepcopy(flask_data)
        parent: Any = data
        for step in route[:-1]:
            parent = parent[step]
        del parent[route[-1]]
        if _OPTIONAL.match(shown):
            parse_guide(data, "flask.toml")
            continue
        with pytest.raises(GuideError) as caught:
            parse_guide(data, "flask.toml")
        assert (caught.value.path, caught.value.problem) == (shown, "missing")
        checked += 1
    assert checked > 400


def test_guide_error_also_takes_a_plain_message() -> None:
    error = GuideError("extra/flask.toml: slug 'flask' is already provided")
    assert str(error) == "extra/flask.toml: slug 'flask' is already provided"
    assert isinstance(error, ValueError)
    assert (error.source, error.path) == ("", "")
    assert error.problem == str(error)
