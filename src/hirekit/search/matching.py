"""Reading the search index: a condition "this candidate matches these words".

Each word must match somewhere in the candidate's text (name, email,
tags, notes, resume...), as a prefix, so "postg" finds "PostgreSQL". Words are
quoted before they reach the database's query syntax: user text can never be
an FTS5 or tsquery operator.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    column,
    exists,
    func,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import InstrumentedAttribute

from hirekit.extensions import db
from hirekit.search.ddl import CANDIDATE_TEXT_TABLE, FTS_MATCH_ROWIDS, PG_CONFIG, TSV_COLUMN

MAX_WORDS = 8
_WORD_CHAR = re.compile(r"\w")


def query_words(text_: str) -> list[str]:
    """The words of a search box that can match anything: those with a letter or digit."""
    return [w for w in text_.split() if _WORD_CHAR.search(w)][:MAX_WORDS]


def fts5_phrase(word: str) -> str:
    """One user word as an FTS5 prefix phrase: ``"o""brien"*``."""
    return '"' + word.replace('"', '""') + '"*'


def tsquery_prefix(word: str) -> str:
    """One user word as a tsquery prefix lexeme: ``'o''brien':*``."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "':*"


def _sqlite_match(
    candidate_id: InstrumentedAttribute[int], words: list[str]
) -> ColumnElement[bool]:
    # One FTS5 row per candidate, rowid = candidate id: every word (implicit AND)
    # is matched in one pass, and the set is read straight from the index.
    query = " ".join(fts5_phrase(w) for w in words)
    rowids = text(FTS_MATCH_ROWIDS).bindparams(bindparam("q", query, unique=True))
    # "+ 0" keeps SQLite from driving the query from the match set (fetch every
    # match, then sort them all): it walks candidates in the order asked
    # instead, tests each against the set, and stops at the LIMIT.
    return (candidate_id + 0).in_(rowids.columns(rowid=Integer))


#: One row per candidate with every document's words (see the migration
#: ``candidate_text``): a lightweight table, the database alone writes it.
_CANDIDATE_TEXT = table(
    CANDIDATE_TEXT_TABLE, column("candidate_id", Integer), column(TSV_COLUMN, TSVECTOR)
)


def _postgres_matches(words: list[str]) -> ColumnElement[bool]:
    """The candidate's text holds every word: one tsquery, its words AND-ed.

    Matched against one document per candidate, so several words are a single
    GIN lookup, not one lookup per word joined by candidate.
    """
    query = " & ".join(tsquery_prefix(w) for w in words)
    tsquery = func.to_tsquery(literal_column(f"'{PG_CONFIG}'"), query)
    return _CANDIDATE_TEXT.c[TSV_COLUMN].bool_op("@@")(tsquery)


def _postgres_ids(words: list[str]) -> Select[tuple[int]]:
    return select(_CANDIDATE_TEXT.c.candidate_id).where(_postgres_matches(words))


def _postgres_probe(
    candidate_id: InstrumentedAttribute[int], words: list[str]
) -> ColumnElement[bool]:
    """Whether this candidate's text holds ``words``, looked up per candidate row.

    A scalar subquery the planner cannot turn into a join: it reads the
    candidate's one row by key instead of collecting every candidate a common
    word matches (80,000 of 100,000 for "flask").
    """
    found = (
        exists()
        .where(_CANDIDATE_TEXT.c.candidate_id == candidate_id, _postgres_matches(words))
        # Bound to the outer query's candidate through the wrapping select.
        .correlate_except(_CANDIDATE_TEXT)
    )
    return select(found).scalar_subquery()


def text_match(
    candidate_id: InstrumentedAttribute[int], text_: str, *, few_candidates: bool = False
) -> ColumnElement[bool]:
    """A WHERE condition: the candidate's indexed text holds every word of ``text_``.

    No words (empty or punctuation only) means no condition. ``few_candidates``
    says other conditions keep few rows (one job's applicants): then each is
    tested on its own rather than against every match of the words.
    """
    words = query_words(text_)
    if not words:
        return true()
    if db.session.get_bind().dialect.name != "postgresql":
        return _sqlite_match(candidate_id, words)
    if few_candidates:
        return _postgres_probe(candidate_id, words)
    return candidate_id.in_(_postgres_ids(words))
