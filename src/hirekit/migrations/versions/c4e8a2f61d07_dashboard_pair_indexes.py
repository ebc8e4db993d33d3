"""indexes for the dashboard's debrief list

Revision ID: c4e8a2f61d07_pair_indexes
Revises: c4a9e2f1_data_version
Create Date: 2026-12-07 20:40:00

The hiring manager's debrief list joins each active application to its
interviews and asks whether the pair has a decision. Both tables were indexed
by job alone, so each applicant read every interview and decision of the job
(minutes on SQLite at 100k applications); by (job, candidate) it is one probe.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'c4e8a2f61d07_pair_indexes'
down_revision = 'c4a9e2f1_data_version'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_interviews_job_candidate', 'interviews', ['job_id', 'candidate_id'], unique=False)
    op.create_index('ix_debrief_decisions_pair', 'debrief_decisions', ['job_id', 'candidate_id'], unique=False)


def downgrade():
    op.drop_index('ix_debrief_decisions_pair', table_name='debrief_decisions')
    op.drop_index('ix_interviews_job_candidate', table_name='interviews')
