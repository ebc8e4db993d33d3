"""postings: employment type, applicant regions and publication date of jobs; careers branding; application questions and answers; applicants' data requests

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
    op.create_table('job_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('knockout_answers', sa.JSON(), nullable=False),
    sa.Column('knockout_below', sa.Float(), nullable=True),
    sa.Column('knockout_above', sa.Float(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_job_questions_job_id_jobs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_questions'))
    )
    with op.batch_alter_table('job_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_questions_job_id'), ['job_id'], unique=False)
    op.create_table('application_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=300), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('knocked_out', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_answers_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['job_questions.id'], name=op.f('fk_application_answers_question_id_job_questions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_answers'))
    )
    with op.batch_alter_table('application_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_answers_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_answers_question_id'), ['question_id'], unique=False)


    op.create_table('data_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('resolved_at', hirekit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidates.id'], name=op.f('fk_data_requests_candidate_id_candidates'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_data_requests_resolved_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_requests'))
    )
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_requests_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_data_requests_resolved_by_id'), ['resolved_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_data_requests_status'), ['status'], unique=False)


def downgrade():
    op.drop_table('data_requests')
    op.drop_table('application_answers')
    op.drop_table('job_questions')
    op.drop_table('careers_branding')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_column('published_at')
        batch_op.drop_column('applicant_regions')
        batch_op.drop_column('employment_type')
