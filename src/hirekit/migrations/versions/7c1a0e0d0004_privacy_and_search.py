"""privacy and search

Revision ID: 7c1a0e0d0004
Revises: 7c1a0e0d0003
Create Date: 2026-11-24 03:40:00

Reserved in the migration chain so that features built side by side never
create two heads; the feature fills in its operations here.
"""
from alembic import op
import sqlalchemy as sa

import hirekit.db


# revision identifiers, used by Alembic.
revision = '7c1a0e0d0004'
down_revision = '7c1a0e0d0003'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
