"""keyed audit chain, private job labels, ids never reused

Revision ID: e14a0c7d2b51
Revises: e19a7c3f2b01
Create Date: 2026-12-07 14:30:00

- ``audit_entries.seq``: a gapless, unique sequence number, so two writers can
  never both append after the same entry. Existing entries are numbered in id
  order and their hashes recomputed as HMAC-SHA256 under the audit key (see
  ``hirekit.audit.chain``). Before that, their old plain SHA-256 chain is
  checked; the outcome ("intact", or where it was broken) is written into a
  new ``audit.rekeyed`` entry at the end, so re-keying never launders an
  earlier edit silently.
- ``background_jobs.hiring_job_id`` / ``candidate_id``: what a job works on,
  for per-viewer visibility; labels that quoted file names or addresses are
  replaced by neutral ones.
- ``interviews.uid``: a random calendar UID per interview.
- SQLite: tables of rows about people are rebuilt with AUTOINCREMENT, so an
  erased row's id is never handed to a new row.
- Search: notes on applications to confidential jobs leave the shared notes
  text (see ``hirekit.candidates.indexing.notes_text``).
"""
from alembic import op
import hashlib
import hmac
import json
import uuid

import sqlalchemy as sa
from flask import current_app

import hirekit.db


# revision identifiers, used by Alembic.
revision = 'e14a0c7d2b51'
down_revision = 'e19a7c3f2b01'
branch_labels = None
depends_on = None

GENESIS = "0" * 64
REDACTED = "redacted_sha256"
AUTOINCREMENT_TABLES = (
    'candidates', 'applications', 'notes', 'interviews', 'scorecards', 'resumes',
    'screenings', 'submissions', 'outbox_messages', 'webhook_deliveries',
    'careers_applications', 'self_id_answers', 'background_jobs',
)
NEUTRAL_LABELS = {
    'hirekit.resumes.tasks:screen_resume': 'Resume screening',
    'hirekit.resumes.tasks:screen_batch': 'Resume batch screening',
    'hirekit.takehomes.tasks:review_submission': 'Take-home review',
    'hirekit.mail.tasks:deliver_message': 'Email delivery',
}

audit = sa.table(
    'audit_entries',
    sa.column('id', sa.Integer()),
    sa.column('seq', sa.Integer()),
    sa.column('at', hirekit.db.UTCDateTime(timezone=True)),
    sa.column('actor_id', sa.Integer()),
    sa.column('actor_email', sa.String()),
    sa.column('action', sa.String()),
    sa.column('subject_type', sa.String()),
    sa.column('subject_id', sa.String()),
    sa.column('details', sa.JSON()),
    sa.column('prev_hash', sa.String()),
    sa.column('hash', sa.String()),
)


def _details_digest(details):
    details = details or {}
    if set(details) == {REDACTED}:
        return str(details[REDACTED])
    canonical = json.dumps(details, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _fields(row):
    return [
        row.at.isoformat(), row.actor_id, row.actor_email, row.action,
        row.subject_type, row.subject_id, _details_digest(row.details),
    ]


def _legacy_hash(row):
    payload = json.dumps([row.id, row.prev_hash, *_fields(row)], default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _keyed_hash(key, seq, row_id, prev_hash, row):
    # The same fields, in the same order, as hirekit.audit.chain.entry_hash.
    payload = json.dumps([seq, row_id, prev_hash, *_fields(row)], default=str)
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def _rekey_audit(conn):
    key = str(current_app.config["AUDIT_KEY"]).encode()
    rows = conn.execute(sa.select(audit).order_by(audit.c.id)).all()
    if not rows:
        return
    legacy, prev = "intact", GENESIS
    for row in rows:
        if _legacy_hash(row) != row.hash:
            legacy = f"entry {row.id} did not match its hash"
            break
        if row.prev_hash != prev:
            legacy = f"entry {row.id} did not link to the entry before it"
            break
        prev = row.hash
    prev, seq = GENESIS, 0
    for seq, row in enumerate(rows, start=1):
        digest = _keyed_hash(key, seq, row.id, prev, row)
        conn.execute(
            audit.update().where(audit.c.id == row.id).values(seq=seq, prev_hash=prev, hash=digest)
        )
        prev = digest
    note = {"entries": len(rows), "legacy_chain": legacy}
    at = hirekit.db.utcnow().replace(microsecond=0)
    values = dict(
        seq=seq + 1, at=at, actor_id=None, actor_email="system", action="audit.rekeyed",
        subject_type="", subject_id="", details=note, prev_hash=prev, hash=uuid.uuid4().hex,
    )
    new_id = conn.execute(audit.insert().values(**values).returning(audit.c.id)).scalar_one()
    row = conn.execute(sa.select(audit).where(audit.c.id == new_id)).one()
    digest = _keyed_hash(key, seq + 1, new_id, prev, row)
    conn.execute(audit.update().where(audit.c.id == new_id).values(hash=digest))


def _reindex_confidential_notes(conn):
    """Rewrite the notes text of candidates with a note on a confidential job's application."""
    rows = conn.execute(sa.text(
        "SELECT DISTINCT n.candidate_id FROM notes n JOIN applications a ON a.id = n.application_id"
        " JOIN jobs j ON j.id = a.job_id WHERE j.confidential"
    )).scalars().all()
    for candidate_id in rows:
        bodies = conn.execute(sa.text(
            "SELECT n.body FROM notes n LEFT JOIN applications a ON a.id = n.application_id"
            " LEFT JOIN jobs j ON j.id = a.job_id"
            " WHERE n.candidate_id = :c AND (j.id IS NULL OR NOT j.confidential) ORDER BY n.id"
        ), {"c": candidate_id}).scalars().all()
        body = " ".join("\n".join(bodies).split())
        if body:
            conn.execute(sa.text(
                "UPDATE search_documents SET body = :b WHERE candidate_id = :c AND kind = 'notes'"
            ), {"b": body, "c": candidate_id})
        else:
            conn.execute(sa.text(
                "DELETE FROM search_documents WHERE candidate_id = :c AND kind = 'notes'"
            ), {"c": candidate_id})


def upgrade():
    conn = op.get_bind()
    dialect = conn.dialect.name

    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.Integer(), nullable=True))
    _rekey_audit(conn)
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.alter_column('seq', existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_audit_entries_seq'), ['seq'])

    with op.batch_alter_table('background_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hiring_job_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('candidate_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_background_jobs_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_background_jobs_hiring_job_id'), ['hiring_job_id'], unique=False)
    jobs = sa.table('background_jobs', sa.column('func', sa.String()), sa.column('label', sa.String()))
    for func, label in NEUTRAL_LABELS.items():
        conn.execute(jobs.update().where(jobs.c.func == func).values(label=label))

    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uid', sa.String(length=36), nullable=True))
    interviews = sa.table('interviews', sa.column('id', sa.Integer()), sa.column('uid', sa.String()))
    for interview_id in conn.execute(sa.select(interviews.c.id)).scalars().all():
        conn.execute(
            interviews.update().where(interviews.c.id == interview_id).values(uid=str(uuid.uuid4()))
        )
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.alter_column('uid', existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_interviews_uid'), ['uid'])

    if dialect == 'sqlite':
        for table in AUTOINCREMENT_TABLES:
            with op.batch_alter_table(
                table, recreate='always', table_kwargs={'sqlite_autoincrement': True}
            ):
                pass

    _reindex_confidential_notes(conn)


def downgrade():
    with op.batch_alter_table('interviews', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_interviews_uid'), type_='unique')
        batch_op.drop_column('uid')
    with op.batch_alter_table('background_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_background_jobs_hiring_job_id'))
        batch_op.drop_index(batch_op.f('ix_background_jobs_candidate_id'))
        batch_op.drop_column('candidate_id')
        batch_op.drop_column('hiring_job_id')
    # The keyed hashes stay: the plain chain they replaced cannot be restored.
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_audit_entries_seq'), type_='unique')
        batch_op.drop_column('seq')
