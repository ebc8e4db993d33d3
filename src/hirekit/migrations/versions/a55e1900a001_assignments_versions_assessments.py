"""assignments: versioned take-home assignments, submissions against them, assessments

Revision ID: a55e1900a001_assignments
Revises: 7c1a0e0d0016
Create Date: 2026-12-07 17:00:00

A job's take-home assignment and its immutable versions (brief, starter archive,
hidden tests, pinned requirements); invitations and submissions name the version
they belong to; a reviewer's assessment of a submission lifts blind grading.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = 'a55e1900a001_assignments'
down_revision = '7c1a0e0d0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_assignments_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_assignments_job_id_jobs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments'))
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignments_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_job_id'), ['job_id'], unique=False)

    op.create_table('assignment_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('brief', sa.Text(), nullable=False),
    sa.Column('use_case', sa.String(length=32), nullable=False),
    sa.Column('expected_hours', sa.Float(), nullable=False),
    sa.Column('deadline_days', sa.Integer(), nullable=False),
    sa.Column('starter_key', sa.String(length=300), nullable=True),
    sa.Column('starter_filename', sa.String(length=160), nullable=False),
    sa.Column('starter_size', sa.Integer(), nullable=True),
    sa.Column('starter_sha256', sa.String(length=64), nullable=False),
    sa.Column('hidden_tests_key', sa.String(length=300), nullable=True),
    sa.Column('hidden_tests_filename', sa.String(length=160), nullable=False),
    sa.Column('hidden_tests_size', sa.Integer(), nullable=True),
    sa.Column('hidden_tests_sha256', sa.String(length=64), nullable=False),
    sa.Column('requirements', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_assignment_versions_assignment_id_assignments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_assignment_versions_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment_versions')),
    sa.UniqueConstraint('assignment_id', 'number', name=op.f('uq_assignment_versions_assignment_id'))
    )
    with op.batch_alter_table('assignment_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_versions_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_versions_created_by_id'), ['created_by_id'], unique=False)

    op.create_table('submission_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', hirekit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_submission_assessments_reviewer_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_submission_assessments_submission_id_submissions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_assessments')),
    sa.UniqueConstraint('submission_id', 'reviewer_id', name=op.f('uq_submission_assessments_submission_id'))
    )
    with op.batch_alter_table('submission_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_assessments_reviewer_id'), ['reviewer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_assessments_submission_id'), ['submission_id'], unique=False)

    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignment_version_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('invitation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_submissions_assignment_version_id'), ['assignment_version_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submissions_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_submissions_assignment_version_id_assignment_versions'), 'assignment_versions', ['assignment_version_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('takehome_invitations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assignment_version_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_takehome_invitations_assignment_version_id'), ['assignment_version_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_takehome_invitations_assignment_version_id_assignment_versions'), 'assignment_versions', ['assignment_version_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('takehome_invitations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_takehome_invitations_assignment_version_id_assignment_versions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_takehome_invitations_assignment_version_id'))
        batch_op.drop_column('assignment_version_id')

    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_submissions_assignment_version_id_assignment_versions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_submissions_invitation_id'))
        batch_op.drop_index(batch_op.f('ix_submissions_assignment_version_id'))
        batch_op.drop_column('invitation_id')
        batch_op.drop_column('assignment_version_id')

    with op.batch_alter_table('submission_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_assessments_submission_id'))
        batch_op.drop_index(batch_op.f('ix_submission_assessments_reviewer_id'))
    op.drop_table('submission_assessments')

    with op.batch_alter_table('assignment_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_versions_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_versions_assignment_id'))
    op.drop_table('assignment_versions')

    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignments_job_id'))
        batch_op.drop_index(batch_op.f('ix_assignments_created_by_id'))
    op.drop_table('assignments')
