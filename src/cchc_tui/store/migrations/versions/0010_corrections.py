"""Corrections at the review desk: a reason beside each appraisal entry (a deduction, a
change or a withdrawal says why, and the receipt carries it) and each review state (reopening
an approved bundle says why); comments withdrawn (the comment row stays as written, triggers
forbid editing it; the withdrawal is a row of its own); every receipt signed kept with its
number and bytes, so none is overwritten and any can be issued again.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appraisal") as batch:
        batch.add_column(sa.Column("reason", sa.String(), nullable=False, server_default=""))
    with op.batch_alter_table("review_state") as batch:
        batch.add_column(sa.Column("reason", sa.String(), nullable=False, server_default=""))
    op.create_table(
        "comment_withdrawal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("comment_id", sa.Integer(), nullable=False, unique=True),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
    )
    op.create_table(
        "issued_receipt",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("bundle_id", sa.String(), nullable=False, index=True),
        sa.Column("agency_code", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("period", sa.String(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("file", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(), nullable=False),
        sa.UniqueConstraint("agency_code", "plan_id", "period", "number"),
    )


def downgrade() -> None:
    op.drop_table("issued_receipt")
    op.drop_table("comment_withdrawal")
    with op.batch_alter_table("review_state") as batch:
        batch.drop_column("reason")
    with op.batch_alter_table("appraisal") as batch:
        batch.drop_column("reason")
