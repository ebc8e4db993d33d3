"""job leases

Revision ID: 7c1a0e0d0014
Revises: 7c1a0e0d0006
Create Date: 2026-12-07 14:10:00

A running job records which worker holds it and until when; the worker renews
the lease by heartbeat, and a lapsed lease lets another worker take the job.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = '7c1a0e0d0014'
down_revision = '7c1a0e0d0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('background_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_owner', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('lease_expires_at', hirekit.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_background_jobs_lease_expires_at'), ['lease_expires_at'], unique=False)


def downgrade():
    with op.batch_alter_table('background_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_background_jobs_lease_expires_at'))
        batch_op.drop_column('lease_expires_at')
        batch_op.drop_column('lease_owner')
