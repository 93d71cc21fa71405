"""Trust: a received bundle can be dropped by the reviewer (kept aside, audited); an imported
receipt keeps the time it was issued, so that an older receipt never replaces a newer one.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("received_bundle") as batch:
        batch.add_column(sa.Column("dropped_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("dropped_by", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("drop_reason", sa.String(), nullable=False, server_default=""))
    with op.batch_alter_table("received_receipt") as batch:
        batch.add_column(sa.Column("issued_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("received_receipt") as batch:
        batch.drop_column("issued_at")
    with op.batch_alter_table("received_bundle") as batch:
        batch.drop_column("drop_reason")
        batch.drop_column("dropped_by")
        batch.drop_column("dropped_at")
