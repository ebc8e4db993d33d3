"""user time zone

Revision ID: 7c1a0e0d0016
Revises: e14a0c7d2b51
Create Date: 2026-12-07 15:15:00

Each user's IANA time zone, used to show and read interview times ("" = UTC).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c1a0e0d0016'
down_revision = 'e14a0c7d2b51'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(
            sa.Column('time_zone', sa.String(length=64), nullable=False, server_default='')
        )


def downgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('time_zone')
