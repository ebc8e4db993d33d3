"""analytics

Revision ID: 7c1a0e0d0005
Revises: 7c1a0e0d0004
Create Date: 2026-11-24 03:40:00

Reserved in the migration chain so that features built side by side never
create two heads; the feature fills in its operations here.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = '7c1a0e0d0005'
down_revision = '7c1a0e0d0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('self_id_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_id_questions')),
    sa.UniqueConstraint('key', name=op.f('uq_self_id_questions_key'))
    )
    op.create_table('self_id_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.String(length=80), nullable=False),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_self_id_answers_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['self_id_questions.id'], name=op.f('fk_self_id_answers_question_id_self_id_questions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_self_id_answers')),
    sa.UniqueConstraint('application_id', 'question_id', name='uq_self_id_answers_pair')
    )
    with op.batch_alter_table('self_id_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_self_id_answers_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_self_id_answers_question_id'), ['question_id'], unique=False)

    # The stage an event names, on the row itself (see Event.stage_id), filled in
    # for the events already stored from the same row's data.
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stage_id', sa.Integer(), nullable=True))
    if op.get_bind().dialect.name == 'postgresql':
        named = "COALESCE(data->>'to_stage_id', data->>'stage_id')"
        op.execute(f"UPDATE events SET stage_id = CAST({named} AS INTEGER) WHERE {named} ~ '^[0-9]+$'")
    else:
        named = "COALESCE(json_extract(data, '$.to_stage_id'), json_extract(data, '$.stage_id'))"
        op.execute(f"UPDATE events SET stage_id = {named} WHERE typeof({named}) = 'integer'")
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_application_timeline', ['application_id', 'at', 'type', 'stage_id'], unique=False)
        batch_op.create_index('ix_events_type_stage', ['type', 'stage_id', 'application_id'], unique=False)

    # ### end Alembic commands ###



def downgrade():
    # Plain DROP INDEX first: SQLite's batch mode rebuilds the table from its
    # reflected indexes and would not find these by name.
    op.drop_index('ix_events_type_stage', table_name='events')
    op.drop_index('ix_events_application_timeline', table_name='events')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('stage_id')
    with op.batch_alter_table('self_id_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_self_id_answers_question_id'))
        batch_op.drop_index(batch_op.f('ix_self_id_answers_application_id'))
    op.drop_table('self_id_answers')
    op.drop_table('self_id_questions')
    # ### end Alembic commands ###

