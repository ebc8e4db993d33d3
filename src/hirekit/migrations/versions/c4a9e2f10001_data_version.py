"""the data version stamp

Revision ID: c4a9e2f1_data_version
Revises: b1d7e3a9_blind_merge
Create Date: 2026-12-07 20:40:00

One row whose stamp every write changes: processes keep API list bodies and
token owners while the stamp they read before computing them is current.
"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4a9e2f1_data_version'
down_revision = 'b1d7e3a9_blind_merge'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'data_version',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('stamp', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_version')),
    )
    op.bulk_insert(table, [{'id': 1, 'stamp': secrets.randbits(62)}])


def downgrade():
    op.drop_table('data_version')
