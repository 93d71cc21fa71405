"""The day a received bundle arrived: the import day unless the reviewer sets it (a stick
handed over on 09/09 and imported on 12/09 arrived on 09/09), with the reviewer's note. The
review desk counts lateness from it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("received_bundle") as batch:
        batch.add_column(sa.Column("arrived_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("arrival_note", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("received_bundle") as batch:
        batch.drop_column("arrival_note")
        batch.drop_column("arrived_on")
