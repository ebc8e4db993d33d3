"""web-speed: board and dashboard indexes

Revision ID: web_speed_0017
Revises: closing_loop_0017
Create Date: 2026-12-07 17:20:00

A job's board reads each column's first cards and every column's count from
one covering index, whatever the number of applications; the dashboard's new
and stalled applications read a range of one status in date order.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'web_speed_0017'
down_revision = 'closing_loop_0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_applications_board',
        'applications',
        ['job_id', 'status', 'stage_id', 'stage_entered_at', 'id'],
    )
    op.create_index(
        'ix_applications_status_entered', 'applications', ['status', 'stage_entered_at', 'job_id']
    )
    op.create_index(
        'ix_applications_status_created', 'applications', ['status', 'created_at', 'job_id']
    )


def downgrade():
    op.drop_index('ix_applications_status_created', table_name='applications')
    op.drop_index('ix_applications_status_entered', table_name='applications')
    op.drop_index('ix_applications_board', table_name='applications')
