"""web-speed: board index

Revision ID: web_speed_0017
Revises: 7c1a0e0d0016
Create Date: 2026-12-07 17:20:00

A job's board reads each column's first cards and every column's count from
one covering index, whatever the number of applications.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'web_speed_0017'
down_revision = '7c1a0e0d0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_applications_board',
        'applications',
        ['job_id', 'status', 'stage_id', 'stage_entered_at', 'id'],
    )


def downgrade():
    op.drop_index('ix_applications_board', table_name='applications')
