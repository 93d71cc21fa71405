"""Conditions of plan items: whether "khi có Nghị quyết …" happened, as the officer recorded
it, with the document (until then the item waits, never overdue: core/milestones.py).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "item_condition",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), sa.ForeignKey("plan_item.id"), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("document", sa.String(), nullable=False, server_default=""),
        sa.Column("note", sa.String(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.UniqueConstraint("agency_code", "plan_item_id"),
        sa.CheckConstraint("state IN ('xay_ra', 'khong_xay_ra')", name="state"),
    )


def downgrade() -> None:
    op.drop_table("item_condition")
