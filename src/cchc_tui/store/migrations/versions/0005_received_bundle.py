"""received_bundle: bundles a reviewer imported.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "received_bundle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("period", sa.String(), nullable=False),
        sa.Column("signer", sa.String(), nullable=False),
        sa.Column("cert_serial", sa.String(), nullable=False),
        sa.Column("cert_fingerprint", sa.String(), nullable=False),
        sa.Column("signing_time", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(), nullable=False),
        sa.Column("supersedes", sa.String(), nullable=False),
        sa.Column("stored_path", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("files", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_received_bundle"),
        sa.UniqueConstraint("sha256", name="uq_received_bundle_sha256"),
        sa.UniqueConstraint("bundle_id", name="uq_received_bundle_bundle_id"),
    )


def downgrade() -> None:
    op.drop_table("received_bundle")
