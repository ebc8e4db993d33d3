"""takehome-run: sandboxed test runs of submissions and their per-test results

Revision ID: b7e2c4d10a05_takehome_run
Revises: a55e1900a001_assignments
Create Date: 2026-12-07 17:20:00

One run per submission (own and hidden tests in the sandbox) and one row per test:
id, outcome, duration and the first line of its message. The hidden tests
themselves are never stored with a submission.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = 'b7e2c4d10a05_takehome_run'
down_revision = 'a55e1900a001_assignments'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'submission_test_runs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('submission_id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('own_status', sa.String(length=16), nullable=False),
        sa.Column('hidden_status', sa.String(length=16), nullable=False),
        sa.Column('hidden_sha256', sa.String(length=64), nullable=False),
        sa.Column('called', sa.JSON(), nullable=True),
        sa.Column('wall_seconds', sa.Float(), nullable=False),
        sa.Column('seconds', sa.Float(), nullable=False),
        sa.Column('background_job_id', sa.Integer(), nullable=True),
        sa.Column('finished_at', hirekit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['background_job_id'], ['background_jobs.id'],
            name=op.f('fk_submission_test_runs_background_job_id_background_jobs'),
            ondelete='SET NULL',
        ),
        sa.ForeignKeyConstraint(
            ['submission_id'], ['submissions.id'],
            name=op.f('fk_submission_test_runs_submission_id_submissions'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_test_runs')),
        sa.UniqueConstraint('submission_id', name=op.f('uq_submission_test_runs_submission_id')),
        sqlite_autoincrement=True,
    )
    op.create_table(
        'submission_test_results',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('suite', sa.String(length=8), nullable=False),
        sa.Column('test_id', sa.Text(), nullable=False),
        sa.Column('outcome', sa.String(length=8), nullable=False),
        sa.Column('duration', sa.Float(), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ['run_id'], ['submission_test_runs.id'],
            name=op.f('fk_submission_test_results_run_id_submission_test_runs'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_test_results')),
    )
    with op.batch_alter_table('submission_test_results') as batch_op:
        batch_op.create_index(
            batch_op.f('ix_submission_test_results_run_id'), ['run_id'], unique=False
        )


def downgrade():
    with op.batch_alter_table('submission_test_results') as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_test_results_run_id'))
    op.drop_table('submission_test_results')
    op.drop_table('submission_test_runs')
