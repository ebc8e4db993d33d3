"""stage kinds

Revision ID: 5d7e0b1c9a42_stage_kinds
Revises: web_speed_0017
Create Date: 2026-12-07 17:05:00

Each stage gets a kind (active, interview, offer, hired, rejected) that reports,
debriefs and webhooks read instead of the stage's name or place. Existing
stages are given one from their name and place here, once: the last stage of
a job is hired, a name containing "offer" is an offer, "interview" or "screen"
an interview, "rejected" rejected, anything else active. After this the kind
is whatever the user sets.
"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "5d7e0b1c9a42_stage_kinds"
down_revision = "web_speed_0017"
branch_labels = None
depends_on = None


def guessed_kind(name: str, last: bool) -> str:
    """The one-time guess for a stage that existed before kinds."""
    lowered = name.casefold()
    if last:
        return "hired"
    if "offer" in lowered:
        return "offer"
    if "interview" in lowered or "screen" in lowered:
        return "interview"
    if "rejected" in lowered:
        return "rejected"
    return "active"


def upgrade():
    with op.batch_alter_table("stages") as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="active")
        )
        batch_op.create_index("ix_stages_kind", ["kind"])
    stages = sa.table(
        "stages",
        sa.column("id", sa.Integer),
        sa.column("job_id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("position", sa.Integer),
        sa.column("kind", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(stages.c.id, stages.c.job_id, stages.c.name).order_by(
            stages.c.job_id, stages.c.position, stages.c.id
        )
    ).all()
    last_of_job = {row.job_id: row.id for row in rows}
    for row in rows:
        kind = guessed_kind(row.name, last_of_job[row.job_id] == row.id)
        if kind != "active":
            bind.execute(stages.update().where(stages.c.id == row.id).values(kind=kind))


def downgrade():
    with op.batch_alter_table("stages") as batch_op:
        batch_op.drop_index("ix_stages_kind")
        batch_op.drop_column("kind")
