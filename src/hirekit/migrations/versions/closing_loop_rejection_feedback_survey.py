"""closing-loop: delayed rejection emails, take-home feedback, candidate survey

Revision ID: closing_loop_0017
Revises: b7e2c4d10a05_takehome_run
Create Date: 2026-12-07 17:00:00

Outbox messages may wait until ``send_after`` and name their ``purpose``
(a rejection email, take-home feedback); feedback drafts and approvals; the
candidates' one answer about their experience applying.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = 'closing_loop_0017'
down_revision = 'b7e2c4d10a05_takehome_run'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('send_after', hirekit.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('purpose', sa.String(length=20), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_outbox_messages_purpose'), ['purpose'], unique=False)

    op.create_table('takehome_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('drafted_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', hirekit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('outbox_message_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_takehome_feedback_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_takehome_feedback_submission_id_submissions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['drafted_by_id'], ['users.id'], name=op.f('fk_takehome_feedback_drafted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_takehome_feedback_approved_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['outbox_message_id'], ['outbox_messages.id'], name=op.f('fk_takehome_feedback_outbox_message_id_outbox_messages'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_takehome_feedback')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('takehome_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_takehome_feedback_application_id'), ['application_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_takehome_feedback_submission_id'), ['submission_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_takehome_feedback_drafted_by_id'), ['drafted_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_takehome_feedback_approved_by_id'), ['approved_by_id'], unique=False)

    op.create_table('experience_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_experience_answers_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_experience_answers_job_id_jobs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_experience_answers')),
    sa.UniqueConstraint('application_id', name=op.f('uq_experience_answers_application_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('experience_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_experience_answers_job_id'), ['job_id'], unique=False)


def downgrade():
    with op.batch_alter_table('experience_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_experience_answers_job_id'))
    op.drop_table('experience_answers')
    with op.batch_alter_table('takehome_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_takehome_feedback_approved_by_id'))
        batch_op.drop_index(batch_op.f('ix_takehome_feedback_drafted_by_id'))
        batch_op.drop_index(batch_op.f('ix_takehome_feedback_submission_id'))
        batch_op.drop_index(batch_op.f('ix_takehome_feedback_application_id'))
    op.drop_table('takehome_feedback')
    with op.batch_alter_table('outbox_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_messages_purpose'))
        batch_op.drop_column('purpose')
        batch_op.drop_column('send_after')
