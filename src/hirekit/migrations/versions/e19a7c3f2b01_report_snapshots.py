"""report snapshots, applications by date

Revision ID: e19a7c3f2b01
Revises: 7c1a0e0d0014
Create Date: 2026-12-07 14:20:00

The heavy reports' figures, computed ahead of time by ``hirekit reports
refresh``. Nothing to backfill: until the first refresh, pages compute live.
An index of applications by date, for searches filtered by application date.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = 'e19a7c3f2b01'
down_revision = '7c1a0e0d0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('report_snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('computed_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_snapshots')),
    sa.UniqueConstraint('key', name=op.f('uq_report_snapshots_key'))
    )
    with op.batch_alter_table('report_snapshots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_snapshots_computed_at'), ['computed_at'], unique=False)
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index('ix_applications_created_at', ['created_at', 'candidate_id'], unique=False)


def downgrade():
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('ix_applications_created_at')
    with op.batch_alter_table('report_snapshots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_snapshots_computed_at'))
    op.drop_table('report_snapshots')
