"""blind review per user and audited reveals

Revision ID: b1d7e3a9_blind_merge
Revises: 5d7e0b1c9a42_stage_kinds
Create Date: 2026-12-07 17:40:00

A user's blind-review switch, and the candidates each blind reviewer chose to reveal.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = 'b1d7e3a9_blind_merge'
down_revision = '5d7e0b1c9a42_stage_kinds'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(
            sa.Column('blind_review', sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        'candidate_reveals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('candidate_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ['candidate_id'], ['candidates.id'],
            name=op.f('fk_candidate_reveals_candidate_id_candidates'), ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'],
            name=op.f('fk_candidate_reveals_user_id_users'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_reveals')),
        sa.UniqueConstraint('candidate_id', 'user_id', name='uq_candidate_reveals'),
    )
    with op.batch_alter_table('candidate_reveals') as batch_op:
        batch_op.create_index('ix_candidate_reveals_candidate_id', ['candidate_id'])
        batch_op.create_index('ix_candidate_reveals_user_id', ['user_id'])


def downgrade():
    op.drop_table('candidate_reveals')
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('blind_review')
