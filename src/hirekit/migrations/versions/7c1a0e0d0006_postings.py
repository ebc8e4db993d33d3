"""postings: employment type, applicant regions and publication date of jobs; careers branding

Revision ID: 7c1a0e0d0006
Revises: 7c1a0e0d0005
Create Date: 2026-12-07 14:20:00
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = '7c1a0e0d0006'
down_revision = '7c1a0e0d0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('employment_type', sa.String(length=16), server_default='full-time', nullable=False))
        batch_op.add_column(sa.Column('applicant_regions', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('published_at', hirekit.db.UTCDateTime(timezone=True), nullable=True))
    # Jobs open today were published when they were created, as far as anyone can tell.
    op.execute("UPDATE jobs SET published_at = created_at WHERE state = 'open'")
    op.create_table('careers_branding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accent_colour', sa.String(length=7), nullable=False),
    sa.Column('logo', sa.LargeBinary(), nullable=True),
    sa.Column('logo_type', sa.String(length=32), nullable=False),
    sa.Column('updated_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_careers_branding'))
    )


def downgrade():
    op.drop_table('careers_branding')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_column('published_at')
        batch_op.drop_column('applicant_regions')
        batch_op.drop_column('employment_type')
