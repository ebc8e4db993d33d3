"""Builders for each section of a guide file, from a validated :class:`Table`.

Each builder checks its own section completely (types, blanks, ids, ranges);
checks that span sections, such as weights naming defined flags, receive what
they need as arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hirekit.engines.guide.model import (
    HIRING_DIFFICULTIES,
    TOPICS,
    USE_CASES,
    BuildArea,
    Comparison,
    FaqEntry,
    Flag,
    FrameworkSide,
    MarketSnapshot,
    Mistake,
    Question,
    SkillArea,
    Term,
    UseCase,
)
from hirekit.engines.guide.reader import KEBAB_ID, SNAKE_ID, Table, keys_of, require_unique


def build_market(t: Table) -> MarketSnapshot:
    currency = t.text("currency")
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise t.error(f"{currency!r} is not an ISO 4217 code", t.child("currency"))
    market = MarketSnapshot(
        region=t.text("region"),
        currency=currency,
        senior_salary_min=t.integer("senior_salary_min", minimum=1),
        senior_salary_max=t.integer("senior_salary_max", minimum=1),
        hiring_difficulty=t.choice("hiring_difficulty", HIRING_DIFFICULTIES),
        time_to_hire_weeks_min=t.integer("time_to_hire_weeks_min", minimum=1),
        time_to_hire_weeks_max=t.integer("time_to_hire_weeks_max", minimum=1),
    )
    if market.senior_salary_min > market.senior_salary_max:
        problem = f"must be <= senior_salary_max ({market.senior_salary_max})"
        raise t.error(problem, t.child("senior_salary_min"))
    if market.time_to_hire_weeks_min > market.time_to_hire_weeks_max:
        problem = f"must be <= time_to_hire_weeks_max ({market.time_to_hire_weeks_max})"
        raise t.error(problem, t.child("time_to_hire_weeks_min"))
    return market


def build_builds(root: Table) -> tuple[BuildArea, ...]:
    return tuple(
        BuildArea(
            title=t.text("title"),
            summary=t.text("summary"),
            examples=t.texts("examples"),
            companies=t.texts("companies", optional=True),
        )
        for t in root.tables("builds", keys_of(BuildArea))
    )


def build_skills(root: Table) -> tuple[SkillArea, ...]:
    return tuple(
        SkillArea(
            title=t.text("title"),
            summary=t.text("summary"),
            skills=t.texts("skills"),
            red_flag=t.text("red_flag", default=""),
        )
        for t in root.tables("skills", keys_of(SkillArea))
    )


def build_flags(root: Table, kind: str) -> tuple[Flag, ...]:
    """The ``<kind>_flags`` array; the kind comes from the array, not the entry."""
    return tuple(
        Flag(
            id=t.ident("id", SNAKE_ID, "snake_case"),
            kind=kind,
            label=t.text("label"),
            description=t.text("description"),
        )
        for t in root.tables(f"{kind}_flags", keys_of(Flag, derived={"kind"}))
    )


def build_glossary(root: Table) -> tuple[Term, ...]:
    tables = list(root.tables("glossary", keys_of(Term)))
    terms = tuple(Term(term=t.text("term"), meaning=t.text("meaning")) for t in tables)
    pairs = [(t.child("term"), term.term) for t, term in zip(tables, terms, strict=True)]
    require_unique(root.source, pairs, "term")
    return terms


def build_mistakes(root: Table) -> tuple[Mistake, ...]:
    tables = list(root.tables("mistakes", keys_of(Mistake)))
    mistakes = tuple(
        Mistake(
            id=t.ident("id", KEBAB_ID, "kebab-case"),
            title=t.text("title"),
            problem=t.text("problem"),
            fix=t.text("fix"),
        )
        for t in tables
    )
    pairs = [(t.child("id"), m.id) for t, m in zip(tables, mistakes, strict=True)]
    require_unique(root.source, pairs, "id")
    return mistakes


def build_comparisons(root: Table) -> tuple[Comparison, ...]:
    tables = list(root.tables("comparisons", keys_of(Comparison), optional=True))
    comparisons = tuple(
        Comparison(
            id=t.ident("id", KEBAB_ID, "kebab-case"),
            title=t.text("title"),
            sides=tuple(
                FrameworkSide(
                    framework=s.text("framework"),
                    stance=s.text("stance"),
                    points=s.texts("points"),
                )
                for s in t.tables("sides", keys_of(FrameworkSide))
            ),
            verdict=t.text("verdict"),
        )
        for t in tables
    )
    pairs = [(t.child("id"), c.id) for t, c in zip(tables, comparisons, strict=True)]
    require_unique(root.source, pairs, "id")
    return comparisons


def build_faq(root: Table) -> tuple[FaqEntry, ...]:
    return tuple(
        FaqEntry(question=t.text("question"), answer=t.text("answer"))
        for t in root.tables("faq", keys_of(FaqEntry), optional=True)
    )


def build_use_cases(root: Table, flags: tuple[Flag, ...]) -> Mapping[str, UseCase]:
    """Exactly the :data:`USE_CASES`, in that order, each weighing every flag."""
    table = root.table("use_cases")
    for slug in table.data:
        if slug not in USE_CASES:
            expected = ", ".join(USE_CASES)
            problem = f"unknown use case (expected exactly: {expected})"
            raise table.error(problem, table.child(slug))
    cases = {}
    for slug in USE_CASES:
        t = table.table(slug, keys_of(UseCase, derived={"slug"}))
        cases[slug] = UseCase(
            slug=slug,
            title=t.text("title"),
            priorities=t.texts("priorities"),
            interview_focus=t.text("interview_focus"),
            red_flag=t.text("red_flag"),
            weights=_build_weights(t.table("weights"), flags),
        )
    return MappingProxyType(cases)


def _build_weights(t: Table, flags: tuple[Flag, ...]) -> Mapping[str, float]:
    """One weight per defined flag: green ones positive, yellow ones negative.

    Every flag must be weighed so screening never has to guess a default, and
    the sign is checked because a flipped sign would quietly reward a warning.
    """
    kinds = {flag.id: flag.kind for flag in flags}
    for key in t.data:
        if key not in kinds:
            raise t.error("unknown flag id", t.child(key))
    weights = {}
    for flag_id, kind in kinds.items():
        weight = t.number(flag_id)
        if kind == "green" and weight <= 0:
            raise t.error("a green flag's weight must be positive", t.child(flag_id))
        if kind == "yellow" and weight >= 0:
            raise t.error("a yellow flag's weight must be negative", t.child(flag_id))
        weights[flag_id] = weight
    return MappingProxyType(weights)


def build_questions(root: Table) -> tuple[Question, ...]:
    tables = list(root.tables("questions", keys_of(Question)))
    questions = tuple(_build_question(t) for t in tables)
    pairs = [(t.child("id"), q.id) for t, q in zip(tables, questions, strict=True)]
    require_unique(root.source, pairs, "question id")
    return questions


def _build_question(t: Table) -> Question:
    question_id = t.ident("id", KEBAB_ID, "kebab-case")
    use_cases = t.texts("use_cases")
    for i, slug in enumerate(use_cases):
        if slug not in USE_CASES:
            problem = f"unknown use case {slug!r} (expected one of: {', '.join(USE_CASES)})"
            raise t.error(problem, f"{t.child('use_cases')}[{i}]")
    return Question(
        id=question_id,
        text=t.text("text"),
        topic=t.choice("topic", TOPICS),
        use_cases=use_cases,
        junior=t.text("junior"),
        senior=t.text("senior"),
        red_flag=t.text("red_flag", default=""),
    )
