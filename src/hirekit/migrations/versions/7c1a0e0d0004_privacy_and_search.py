"""privacy and search

Revision ID: 7c1a0e0d0004
Revises: 7c1a0e0d0003
Create Date: 2026-11-24 03:40:00

Anonymous outcomes kept when a candidate is deleted, and the candidate search
index: ``search_documents`` everywhere, plus the database's own full-text
structure over its ``body`` -- an FTS5 table kept in step by triggers on
SQLite, a generated ``tsvector`` column with a GIN index on PostgreSQL.
The FTS5 table is then rebuilt with one row per candidate (rowid = candidate
id) and an index on ``candidates(created_at, id)`` is added, so a search walks
candidates newest first and stops at the page size.
Re-creating ``search_documents`` (e.g. a batch ALTER on SQLite) drops the
triggers: a later migration that does so must create them again.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = '7c1a0e0d0004'
down_revision = '7c1a0e0d0003'
branch_labels = None
depends_on = None

SQLITE_FTS = [
    # External content: the text lives once, in search_documents; FTS5 holds the index.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        body, content='search_documents', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
    END""",
    """CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
    END""",
    """CREATE TRIGGER search_documents_au AFTER UPDATE OF body ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body);
    END""",
]
POSTGRES_FTS = [
    """ALTER TABLE search_documents ADD COLUMN tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED""",
    "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)",
]


def _sqlite_refresh(ref):
    """Trigger body: rewrite the one FTS row of candidate ``ref`` from their documents."""
    return f"""
        DELETE FROM search_fts WHERE rowid = {ref}.candidate_id;
        INSERT INTO search_fts(rowid, body)
        SELECT {ref}.candidate_id, (
            SELECT group_concat(body, ' ') FROM (
                SELECT body FROM search_documents
                WHERE candidate_id = {ref}.candidate_id ORDER BY kind))
        WHERE EXISTS (SELECT 1 FROM search_documents WHERE candidate_id = {ref}.candidate_id);"""


# One FTS row per candidate, its rowid the candidate id, holding every kind of
# their text: a search reads the match set straight from the index, without a
# lookup per document, and walks candidates newest first against it. It replaces
# the per-document table above (its own content, so a row can be dropped by id).
SQLITE_FTS_PER_CANDIDATE = [
    *(f"DROP TRIGGER {t}" for t in ("search_documents_ai", "search_documents_ad", "search_documents_au")),
    "DROP TABLE search_fts",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        body, tokenize='unicode61 remove_diacritics 2', prefix='2 3')""",
    f"""CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
        {_sqlite_refresh("new")}
    END""",
    f"""CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
        {_sqlite_refresh("old")}
    END""",
    f"""CREATE TRIGGER search_documents_au
        AFTER UPDATE OF body, candidate_id ON search_documents BEGIN
        {_sqlite_refresh("old")}
        {_sqlite_refresh("new")}
    END""",
    """INSERT INTO search_fts(rowid, body)
        SELECT candidate_id, group_concat(body, ' ') FROM (
            SELECT candidate_id, body FROM search_documents ORDER BY candidate_id, kind)
        GROUP BY candidate_id""",
]


def upgrade():
    op.create_table('search_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_search_documents_candidate_id_candidates'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_documents')),
    sa.UniqueConstraint('candidate_id', 'kind', name='uq_search_documents_pair')
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_documents_candidate_id'), ['candidate_id'], unique=False)

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_FTS, "postgresql": POSTGRES_FTS}.get(dialect, []):
        op.execute(statement)

    op.create_table('anonymous_outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('stage_reached', sa.String(length=80), nullable=False),
    sa.Column('stage_position', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('reject_reason', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('applied_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', hirekit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('erased_by', sa.String(length=16), nullable=False),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_anonymous_outcomes_job_id_jobs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_anonymous_outcomes'))
    )
    with op.batch_alter_table('anonymous_outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_anonymous_outcomes_job_id'), ['job_id'], unique=False)

    if dialect == "sqlite":
        for statement in SQLITE_FTS_PER_CANDIDATE:
            op.execute(statement)
    # Searches list candidates newest first: walked in this index, they stop at the page size.
    op.create_index('ix_candidates_created_at_id', 'candidates', ['created_at', 'id'], unique=False)


def downgrade():
    op.drop_index('ix_candidates_created_at_id', table_name='candidates')

    with op.batch_alter_table('anonymous_outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_anonymous_outcomes_job_id'))

    op.drop_table('anonymous_outcomes')
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_documents_ai", "search_documents_ad", "search_documents_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_documents_candidate_id'))

    op.drop_table('search_documents')
