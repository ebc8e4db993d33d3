"""privacy and search

Revision ID: 7c1a0e0d0004
Revises: 7c1a0e0d0003
Create Date: 2026-11-24 03:40:00

Anonymous outcomes kept when a candidate is deleted, and the candidate search
index: ``search_documents`` everywhere, plus the database's own full-text
structure over its ``body`` -- an FTS5 table kept in step by triggers on
SQLite, a generated ``tsvector`` column with a GIN index on PostgreSQL.
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


def downgrade():
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
